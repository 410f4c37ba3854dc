using LiveStreamX.Grains.Chat;

namespace LiveStreamX.Grains.Users;

/// <summary>A user's chat bucket, kept apart from the profile and written behind, so the limit survives a move to another silo.</summary>
[GenerateSerializer, Alias("lsx.UserLimitsState")]
public sealed record UserLimitsState
{
    [Id(0)]
    public TokenBucket? Chat { get; init; }
}
