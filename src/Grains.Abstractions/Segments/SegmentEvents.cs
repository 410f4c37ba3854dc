using LiveStreamX.Progression;
using LiveStreamX.Streams;

namespace LiveStreamX.Segments;

/// <summary>
/// The stream cuts from live to a pre-recorded clip. Every player starts the clip at its url at startedAt (server
/// time; a client corrects by its clock offset), a late joiner at its offset from there.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.SegmentStarted")]
public sealed record SegmentStarted : StreamEvent
{
    public override string Type => EventNames.SegmentStart;

    [Id(0)] public required string SegmentId { get; init; }

    [Id(1)] public required string EntryId { get; init; }

    [Id(2)] public required string Title { get; init; }

    /// <summary>A short-lived read-only URL of the clip (a SAS URL, or a signed path of the Api for the local store).</summary>
    [Id(3)] public required string Url { get; init; }

    [Id(4)] public required DateTimeOffset StartedAt { get; init; }

    [Id(5)] public required long DurationMs { get; init; }

    /// <summary>When the clip is over and the stage goes back to live.</summary>
    public DateTimeOffset EndsAt => StartedAt.AddMilliseconds(DurationMs);
}

/// <summary>Why a clip stopped.</summary>
public enum SegmentEndReason
{
    /// <summary>It played to its end.</summary>
    Finished = 0,

    /// <summary>The creator took it off the queue while it played.</summary>
    Removed = 1,

    /// <summary>The stream is no longer live.</summary>
    StreamEnded = 2,
}

/// <summary>The clip is over: back to live.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SegmentEnded")]
public sealed record SegmentEnded : StreamEvent
{
    public override string Type => EventNames.SegmentEnd;

    [Id(0)] public required string SegmentId { get; init; }

    [Id(1)] public required string EntryId { get; init; }

    [Id(2)] public required SegmentEndReason Reason { get; init; }
}

/// <summary>To a segment's owner: how its processing goes (uploaded, percent done, ready, or failed and why).</summary>
[GenerateSerializer, Immutable, Alias("lsx.SegmentProcessing")]
public sealed record SegmentProcessing : UserEvent
{
    public override string Type => EventNames.SegmentProcessing;

    [Id(0)] public required string SegmentId { get; init; }

    [Id(1)] public required SegmentStatus Status { get; init; }

    [Id(2)] public required int Progress { get; init; }

    [Id(3)] public string? FailureReason { get; init; }
}
