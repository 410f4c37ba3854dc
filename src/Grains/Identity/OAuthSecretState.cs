namespace LiveStreamX.Grains.Identity;

/// <summary>The stored secret.</summary>
[GenerateSerializer, Alias("lsx.OAuthSecretState")]
public sealed record OAuthSecretState
{
    [Id(0)]
    public byte[]? Key { get; init; }
}
