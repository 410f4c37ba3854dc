using LiveStreamX.Vod;

namespace LiveStreamX.Grains.Vod;

/// <summary>
/// A timeline's head: where it stands, its newest entries and an index of its sealed pages (each in its own
/// <see cref="StreamTimelinePageGrain"/>), so a long stream never makes one large state.
/// </summary>
[GenerateSerializer, Alias("lsx.StreamTimelineState")]
public sealed record StreamTimelineState
{
    /// <summary>The last stream seq taken in (kept or not): the next hand-over continues after it.</summary>
    [Id(0)]
    public long LastSeq { get; init; }

    /// <summary>When the stream went live: offsets count from here. Null until known.</summary>
    [Id(1)]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The entries after the sealed pages, oldest first.</summary>
    [Id(2)]
    public TimelineEntry[] Tail { get; init; } = [];

    /// <summary>The sealed pages, oldest first.</summary>
    [Id(3)]
    public TimelinePageInfo[] Pages { get; init; } = [];

    /// <summary>Chat lines deleted after their page was sealed: left out of every read and of the archive.</summary>
    [Id(4)]
    public string[] DeletedChat { get; init; } = [];

    /// <summary>The offset at which the stream ended: its length. Null while it runs.</summary>
    [Id(5)]
    public long? EndedMs { get; init; }

    /// <summary>Written once the stream has ended and its archive is stored.</summary>
    [Id(6)]
    public VodArchive? Archive { get; init; }
}

/// <summary>A sealed page: its number, its first seq and offset range, so a read opens only the pages it needs.</summary>
[GenerateSerializer, Immutable, Alias("lsx.TimelinePageInfo")]
public sealed record TimelinePageInfo(
    [property: Id(0)] int Page,
    [property: Id(1)] long FirstSeq,
    [property: Id(2)] long LastSeq,
    [property: Id(3)] long FirstMs,
    [property: Id(4)] long LastMs);

/// <summary>One sealed page of a timeline.</summary>
[GenerateSerializer, Alias("lsx.StreamTimelinePageState")]
public sealed record StreamTimelinePageState
{
    [Id(0)]
    public TimelineEntry[] Entries { get; init; } = [];
}
