using LiveStreamX.Users;

namespace LiveStreamX.Grains.Users;

/// <summary>What a user persists.</summary>
[GenerateSerializer, Alias("lsx.UserState")]
public sealed record UserState
{
    /// <summary>Null until the user registers.</summary>
    [Id(0)]
    public UserProfile? Profile { get; init; }

    /// <summary>Set while an admin has suspended the account: it may not chat or connect anywhere.</summary>
    [Id(30)]
    public LiveStreamX.Moderation.Restriction? Suspension { get; init; }
}
