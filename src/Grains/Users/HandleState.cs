namespace LiveStreamX.Grains.Users;

/// <summary>Who owns a handle.</summary>
[GenerateSerializer, Alias("lsx.HandleState")]
public sealed record HandleState
{
    [Id(0)]
    public string? UserId { get; init; }

    /// <summary>The external login that signed up under this handle; null for a dev-login account.</summary>
    [Id(20)]
    public string? Claimant { get; init; }
}
