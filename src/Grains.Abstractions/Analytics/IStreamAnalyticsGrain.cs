using LiveStreamX.Users;

namespace LiveStreamX.Analytics;

/// <summary>
/// A stream's audience figures in per-minute buckets, persisted: viewers, watch time and retention, chat density,
/// reaction velocity by mood, gifts and earnings. Key: the stream id. The stream grain hands over its counts in
/// tallies (at each minute's turn and when the figures are read), the mood grain its reaction batches, the hub the
/// viewers' watch heartbeats; none of them waits for this grain.
/// </summary>
[Alias("lsx.IStreamAnalyticsGrain")]
public interface IStreamAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>The stream's counts since its last tally.</summary>
    [Alias("Record"), Orleans.Concurrency.OneWay]
    Task RecordAsync(AnalyticsTally tally);

    /// <summary>Reactions counted by mood (indexed by <see cref="Mood.MoodKind"/>) at <paramref name="at"/>.</summary>
    [Alias("RecordReactions"), Orleans.Concurrency.OneWay]
    Task RecordReactionsAsync(DateTimeOffset at, long[] counts);

    /// <summary>A signed-in viewer's watch heartbeat (one per <see cref="StreamAnalytics.HeartbeatSeconds"/> of visible watching).</summary>
    [Alias("RecordHeartbeat"), Orleans.Concurrency.OneWay]
    Task RecordHeartbeatAsync(string userId, DateTimeOffset at);

    /// <summary>
    /// The figures of the minutes in <paramref name="range"/>, for the stream's creator or an admin
    /// (<c>forbidden</c> otherwise); it first takes the stream's counts of the minute under way.
    /// </summary>
    [Alias("Get")]
    Task<StreamAnalytics> GetAsync(Actor actor, AnalyticsRange range);
}

/// <summary>What a stream counted since its last tally: per-minute counters and each change of its viewer count.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AnalyticsTally")]
public sealed record AnalyticsTally(
    [property: Id(0)] IReadOnlyList<MinuteCounts> Minutes,
    [property: Id(1)] IReadOnlyList<ViewerSample> Viewers)
{
    public static readonly AnalyticsTally Empty = new([], []);

    public bool IsEmpty => Minutes.Count == 0 && Viewers.Count == 0;
}

/// <summary>Counters of one minute (<paramref name="Minute"/>: minutes since the Unix epoch).</summary>
[GenerateSerializer, Immutable, Alias("lsx.MinuteCounts")]
public sealed record MinuteCounts(
    [property: Id(0)] long Minute,
    [property: Id(1)] long ChatMessages = 0,
    [property: Id(2)] long Gifts = 0,
    [property: Id(3)] long Tokens = 0,
    [property: Id(4)] long Earnings = 0,
    [property: Id(5)] long Subscriptions = 0,
    [property: Id(6)] long NewFollowers = 0);

/// <summary>The stream's viewer count (all Api nodes together) from <paramref name="At"/> on.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ViewerSample")]
public sealed record ViewerSample([property: Id(0)] DateTimeOffset At, [property: Id(1)] int Count);

/// <summary>Which minutes to read; null ends are the stream's first and last recorded minute.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AnalyticsRange")]
public sealed record AnalyticsRange([property: Id(0)] DateTimeOffset? From = null, [property: Id(1)] DateTimeOffset? To = null)
{
    /// <summary>The longest range one read may span.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(31);
}
