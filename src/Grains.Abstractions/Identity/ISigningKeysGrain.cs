namespace LiveStreamX.Identity;

/// <summary>
/// The cluster's ring of access-token signing keys, generated here once and kept in the cluster's storage, so every
/// Api node signs and checks with the same keys and a restart loses none. Key: <see cref="SigningKeyRings.Default"/>.
/// </summary>
[Alias("lsx.ISigningKeysGrain")]
public interface ISigningKeysGrain : IGrainWithStringKey
{
    /// <summary>The keys to accept and the one to sign with, rotated first if <paramref name="policy"/> says it is due.</summary>
    [Alias("Get")]
    Task<SigningKeySet> GetAsync(KeyRotationPolicy policy);
}

/// <summary>The keys of the signing key ring grains.</summary>
public static class SigningKeyRings
{
    public const string Default = "access-tokens";
}

/// <summary>
/// When to rotate: a key signs for <paramref name="RotateAfter"/>; its successor is published <paramref name="Lead"/>
/// before it signs (so every node knows it first); a replaced key is still accepted for <paramref name="Overlap"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.KeyRotationPolicy")]
public sealed record KeyRotationPolicy(
    [property: Id(0)] TimeSpan RotateAfter,
    [property: Id(1)] TimeSpan Overlap,
    [property: Id(2)] TimeSpan Lead);

/// <summary>One HS256 key: its id (the tokens' <c>kid</c>), secret, when it starts signing and until when it is accepted.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SigningKeyMaterial")]
public sealed record SigningKeyMaterial(
    [property: Id(0)] string Kid,
    [property: Id(1)] byte[] Secret,
    [property: Id(2)] DateTimeOffset SignsFrom,
    [property: Id(3)] DateTimeOffset? AcceptedUntil);

/// <summary>The keys to accept, and the id of the one to sign with now.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SigningKeySet")]
public sealed record SigningKeySet([property: Id(0)] IReadOnlyList<SigningKeyMaterial> Keys, [property: Id(1)] string CurrentKid);
