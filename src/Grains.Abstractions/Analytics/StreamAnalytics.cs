namespace LiveStreamX.Analytics;

/// <summary>A stream's figures over a range of minutes: totals, one row per minute, and the retention curve.</summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamAnalytics")]
public sealed record StreamAnalytics(
    [property: Id(0)] string StreamId,
    [property: Id(1)] DateTimeOffset? From,
    [property: Id(2)] DateTimeOffset? To,
    [property: Id(3)] AnalyticsSummary Summary,
    [property: Id(4)] IReadOnlyList<AnalyticsMinute> Minutes,
    [property: Id(5)] IReadOnlyList<RetentionPoint> Retention)
{
    /// <summary>The web client's watch heartbeat period: each heartbeat counts as this much watch time.</summary>
    public const int HeartbeatSeconds = 30;
}

/// <summary>
/// Totals of the range. <paramref name="ChatDensity"/>: chat messages per minute per 100 viewers;
/// <paramref name="UniqueViewers"/> and <paramref name="AverageWatchSeconds"/> count signed-in viewers (their heartbeats).
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.AnalyticsSummary")]
public sealed record AnalyticsSummary(
    [property: Id(0)] int PeakViewers,
    [property: Id(1)] double AverageViewers,
    [property: Id(2)] int UniqueViewers,
    [property: Id(3)] double AverageWatchSeconds,
    [property: Id(4)] long ChatMessages,
    [property: Id(5)] double ChatDensity,
    [property: Id(6)] long Reactions,
    [property: Id(7)] long Gifts,
    [property: Id(8)] long Tokens,
    [property: Id(9)] long Earnings,
    [property: Id(10)] long Subscriptions,
    [property: Id(11)] long NewFollowers);

/// <summary>
/// One minute: concurrent viewers (peak, and the time-weighted average), signed-in viewers who sent a heartbeat,
/// chat and its density, reactions by mood (lower-case mood names), gifts, tokens and the creator's earnings.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.AnalyticsMinute")]
public sealed record AnalyticsMinute(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int PeakViewers,
    [property: Id(2)] double AverageViewers,
    [property: Id(3)] int Watchers,
    [property: Id(4)] long ChatMessages,
    [property: Id(5)] double ChatDensity,
    [property: Id(6)] IReadOnlyDictionary<string, long> Reactions,
    [property: Id(7)] long Gifts,
    [property: Id(8)] long Tokens,
    [property: Id(9)] long Earnings,
    [property: Id(10)] long Subscriptions,
    [property: Id(11)] long NewFollowers);

/// <summary>The share (0–1) of the range's signed-in viewers who watched at least <paramref name="Minute"/> minutes.</summary>
[GenerateSerializer, Immutable, Alias("lsx.RetentionPoint")]
public sealed record RetentionPoint([property: Id(0)] int Minute, [property: Id(1)] double Share);
