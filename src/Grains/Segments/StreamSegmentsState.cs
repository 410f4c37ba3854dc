using LiveStreamX.Segments;

namespace LiveStreamX.Grains.Segments;

/// <summary>What a stream's segment queue persists: enough to pick up the schedule wherever the grain activates next.</summary>
[GenerateSerializer, Alias("lsx.StreamSegmentsState")]
public sealed record StreamSegmentsState
{
    [Id(0)] public SegmentStarted? Playing { get; init; }

    [Id(1)] public IReadOnlyList<SegmentQueueEntry> Waiting { get; init; } = [];

    /// <summary>The clips played so far, oldest first, for the VOD; at most <c>MaxPlayed</c>.</summary>
    [Id(2)] public IReadOnlyList<PlayedSegment> Played { get; init; } = [];
}
