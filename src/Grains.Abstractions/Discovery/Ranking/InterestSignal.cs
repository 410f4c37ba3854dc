namespace LiveStreamX.Discovery.Ranking;

/// <summary>
/// One behavioural signal about a viewer and a creator's stream, as the interest grain receives it.
/// <see cref="Amount"/> is minutes for <see cref="InterestSignalKind.Watched"/>, tokens for a gift, a count otherwise.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.InterestSignal")]
public sealed record InterestSignal(
    [property: Id(0)] InterestSignalKind Kind,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string CreatorHandle,
    [property: Id(3)] string StreamId,
    [property: Id(4)] string Category,
    [property: Id(5)] string[] Tags,
    [property: Id(6)] string[] TitleTerms,
    [property: Id(7)] double Amount,
    [property: Id(8)] DateTimeOffset At);

/// <summary>What a viewer did.</summary>
public enum InterestSignalKind
{
    /// <summary>Joined a stream: one session.</summary>
    WatchStarted = 0,

    /// <summary>Visible watch time, from heartbeats or a leave.</summary>
    Watched = 1,
    Chat = 2,
    Gift = 3,
    Reaction = 4,
    Follow = 5,
    Unfollow = 6,
}
