namespace LiveStreamX.Grains.Identity;

/// <summary>The user a provider's account belongs to.</summary>
[GenerateSerializer, Alias("lsx.ExternalLoginState")]
public sealed record ExternalLoginState
{
    /// <summary>Null while no user has signed up or linked with it.</summary>
    [Id(0)]
    public string? UserId { get; init; }
}
