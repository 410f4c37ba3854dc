namespace LiveStreamX.Grains.Analytics;

/// <summary>What a stream's analytics persist: one bucket per minute with figures, and each signed-in viewer's watch.</summary>
[GenerateSerializer, Alias("lsx.StreamAnalyticsState")]
public sealed class StreamAnalyticsState
{
    /// <summary>By minute since the Unix epoch.</summary>
    [Id(0)]
    public SortedDictionary<long, AnalyticsBucket> Buckets { get; set; } = [];

    /// <summary>By user id.</summary>
    [Id(1)]
    public Dictionary<string, WatchRecord> Watches { get; set; } = [];

    /// <summary>The viewer count last reported and since when: the time-weighted average runs on from it.</summary>
    [Id(2)]
    public DateTimeOffset? ViewersSince { get; set; }

    [Id(3)]
    public int Viewers { get; set; }
}

/// <summary>The figures of one minute.</summary>
[GenerateSerializer, Alias("lsx.AnalyticsBucket")]
public sealed class AnalyticsBucket
{
    [Id(0)] public int PeakViewers { get; set; }

    /// <summary>Viewers × seconds over <see cref="CoveredSeconds"/>: their ratio is the time-weighted average.</summary>
    [Id(1)] public double ViewerSeconds { get; set; }

    [Id(2)] public double CoveredSeconds { get; set; }

    [Id(3)] public int Watchers { get; set; }

    [Id(4)] public long ChatMessages { get; set; }

    /// <summary>By <see cref="LiveStreamX.Mood.MoodKind"/>.</summary>
    [Id(5)] public long[] Reactions { get; set; } = [];

    [Id(6)] public long Gifts { get; set; }

    [Id(7)] public long Tokens { get; set; }

    [Id(8)] public long Earnings { get; set; }

    [Id(9)] public long Subscriptions { get; set; }

    [Id(10)] public long NewFollowers { get; set; }
}

/// <summary>One signed-in viewer's watching: first and last minute with a heartbeat, and how many heartbeats.</summary>
[GenerateSerializer, Alias("lsx.WatchRecord")]
public sealed class WatchRecord
{
    [Id(0)] public long FirstMinute { get; set; }

    [Id(1)] public long LastMinute { get; set; }

    [Id(2)] public int Heartbeats { get; set; }
}
