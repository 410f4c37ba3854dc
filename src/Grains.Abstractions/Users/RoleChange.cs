namespace LiveStreamX.Users;

/// <summary>The answer to a role change: the role before, and the account after.</summary>
[GenerateSerializer, Immutable, Alias("lsx.RoleChange")]
public sealed record RoleChange([property: Id(0)] Role From, [property: Id(1)] UserProfile Profile);
