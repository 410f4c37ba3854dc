using LiveStreamX.Engagement;
using LiveStreamX.Streams;

namespace LiveStreamX.Vod;

/// <summary>One event of a stream's timeline at its offset in milliseconds from the stream's start.</summary>
[GenerateSerializer, Immutable, Alias("lsx.TimelineEntry")]
public sealed record TimelineEntry([property: Id(0)] long OffsetMs, [property: Id(1)] StreamEvent Event);

/// <summary>
/// A read of a timeline: from <see cref="FromMs"/>, or continuing after <see cref="AfterSeq"/> (a previous read's
/// <see cref="TimelineRead.NextSeq"/>), at most <see cref="Limit"/> entries up to <see cref="ToMs"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.TimelineQuery")]
public sealed record TimelineQuery(
    [property: Id(0)] long FromMs,
    [property: Id(1)] long? ToMs = null,
    [property: Id(2)] long? AfterSeq = null,
    [property: Id(3)] int Limit = TimelineQuery.DefaultLimit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 2000;
}

/// <summary>
/// Entries in offset order, and, for a read from an offset, the context a player seeking there shows at once: the
/// last chat lines before it and the latest poll, mood, challenge and overlay layout.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.TimelineRead")]
public sealed record TimelineRead(
    [property: Id(0)] IReadOnlyList<TimelineEntry> Entries,
    [property: Id(1)] IReadOnlyList<TimelineEntry> Context,
    [property: Id(2)] long? NextSeq,
    [property: Id(3)] long? DurationMs);

/// <summary>A highlight moment of an archived stream, at its offset.</summary>
[GenerateSerializer, Immutable, Alias("lsx.VodMoment")]
public sealed record VodMoment(
    [property: Id(0)] string MomentId,
    [property: Id(1)] long OffsetMs,
    [property: Id(2)] MomentKind Kind,
    [property: Id(3)] string? Note);

/// <summary>
/// An ended stream's archive: its length, moments and the media store's key of its timeline as gzip-compressed
/// NDJSON (<see cref="TimelineBlob"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.VodArchive")]
public sealed record VodArchive(
    [property: Id(0)] DateTimeOffset StartedAt,
    [property: Id(1)] long DurationMs,
    [property: Id(2)] int EntryCount,
    [property: Id(3)] string TimelineBlob,
    [property: Id(4)] DateTimeOffset ArchivedAt,
    [property: Id(5)] IReadOnlyList<VodMoment> Moments);
