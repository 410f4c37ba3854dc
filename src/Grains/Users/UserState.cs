using LiveStreamX.Users;

namespace LiveStreamX.Grains.Users;

/// <summary>What a user persists.</summary>
[GenerateSerializer, Alias("lsx.UserState")]
public sealed record UserState
{
    /// <summary>Null until the user registers.</summary>
    [Id(0)]
    public UserProfile? Profile { get; init; }
}
