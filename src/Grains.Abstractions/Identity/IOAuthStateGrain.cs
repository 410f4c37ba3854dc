namespace LiveStreamX.Identity;

/// <summary>
/// Redeems an OAuth <c>state</c> once across the cluster, so a replayed callback is refused on every Api node.
/// Key: the state token's id.
/// </summary>
[Alias("lsx.IOAuthStateGrain")]
public interface IOAuthStateGrain : IGrainWithStringKey
{
    /// <summary>True the first time; false for a replay.</summary>
    [Alias("Redeem")]
    Task<bool> RedeemAsync(DateTimeOffset expiresAt);
}

/// <summary>
/// The secret that protects OAuth state tokens, made once and kept in the cluster's storage so that a callback
/// can land on any Api node. Key: <see cref="Default"/>.
/// </summary>
[Alias("lsx.IOAuthSecretGrain")]
public interface IOAuthSecretGrain : IGrainWithStringKey
{
    public const string Default = "oauth-state";

    /// <summary>64 random bytes, the same on every call and every node.</summary>
    [Alias("Get")]
    Task<byte[]> GetAsync();
}
