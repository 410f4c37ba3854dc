namespace LiveStreamX.Users;

/// <summary>Who asks for a change, as the Api authenticated them.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Handle,
    [property: Id(2)] Role Role)
{
    public bool IsAdmin => Role == Role.Admin;
}
