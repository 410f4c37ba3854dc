using LiveStreamX.Streams;

namespace LiveStreamX.Engagement;

/// <summary>What a challenge counts.</summary>
public enum ChallengeKind
{
    GiftTokens = 0,
    Reactions = 1,
    ChatMessages = 2,
    NewViewers = 3,
}

public enum ChallengeStatus
{
    Running = 0,
    Completed = 1,
    Failed = 2,
}

/// <summary>A stream goal the audience pushes towards.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Challenge")]
public sealed record Challenge(
    [property: Id(0)] string ChallengeId,
    [property: Id(1)] ChallengeKind Kind,
    [property: Id(2)] long Target,
    [property: Id(3)] long Progress,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] ChallengeStatus Status,
    [property: Id(7)] string? RewardAction,
    [property: Id(8)] string? RewardParamsJson);

/// <summary>A creator's new challenge; the reward, if any, is an overlay action checked like a command gift.</summary>
[GenerateSerializer, Immutable, Alias("lsx.StartChallenge")]
public sealed record StartChallenge(
    [property: Id(0)] ChallengeKind Kind,
    [property: Id(1)] long Target,
    [property: Id(2)] int DurationSeconds,
    [property: Id(3)] string? RewardAction,
    [property: Id(4)] string? RewardParamsJson);

/// <summary>A challenge's progress or end.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChallengeUpdated")]
public sealed record ChallengeUpdated : StreamEvent
{
    public override string Type => EventNames.ChallengeUpdate;

    [Id(0)] public required ChallengeView Challenge { get; init; }
}

/// <summary>A challenge on the wire (the reward's parameters stay server-side until it fires).</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChallengeView")]
public sealed record ChallengeView(
    [property: Id(0)] string ChallengeId,
    [property: Id(1)] ChallengeKind Kind,
    [property: Id(2)] long Target,
    [property: Id(3)] long Progress,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] ChallengeStatus Status,
    [property: Id(7)] string? RewardAction)
{
    public static ChallengeView Of(Challenge c) => new(c.ChallengeId, c.Kind, c.Target, c.Progress, c.StartsAt, c.EndsAt, c.Status, c.RewardAction);
}
