namespace LiveStreamX.Grains.Users;

/// <summary>Who owns a handle.</summary>
[GenerateSerializer, Alias("lsx.HandleState")]
public sealed record HandleState
{
    [Id(0)]
    public string? UserId { get; init; }
}
