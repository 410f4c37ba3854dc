namespace LiveStreamX.Users;

/// <summary>A user as others see them.</summary>
[GenerateSerializer, Immutable, Alias("lsx.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Handle,
    [property: Id(2)] Role Role,
    [property: Id(3)] DateTimeOffset CreatedAt)
{
    public Actor ToActor() => new(Id, Handle, Role);
}
