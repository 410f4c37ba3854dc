using LiveStreamX.Users;

namespace LiveStreamX.Grains.Users;

/// <summary>What a profile persists.</summary>
[GenerateSerializer, Alias("lsx.ProfileState")]
public sealed record ProfileState
{
    /// <summary>Null until the user first edits their profile.</summary>
    [Id(0)] public ProfileDetails? Details { get; init; }
}

/// <summary>What an avatar persists.</summary>
[GenerateSerializer, Alias("lsx.AvatarState")]
public sealed record AvatarState
{
    [Id(0)] public AvatarImage? Image { get; init; }
}
