using LiveStreamX.Segments;

namespace LiveStreamX.Grains.Segments;

/// <summary>What a segment grain persists.</summary>
[GenerateSerializer, Alias("lsx.SegmentState")]
public sealed record SegmentState
{
    [Id(0)] public Segment? Segment { get; init; }

    /// <summary>The worker that holds the processing, until <see cref="LeaseUntil"/>.</summary>
    [Id(1)] public string? Worker { get; init; }

    [Id(2)] public DateTimeOffset LeaseUntil { get; init; }

    /// <summary>How many times a worker claimed the processing: a file that kills its worker every time fails in the end.</summary>
    [Id(3)] public int Attempts { get; init; }
}

/// <summary>What a creator's segment library persists.</summary>
[GenerateSerializer, Alias("lsx.SegmentLibraryState")]
public sealed record SegmentLibraryState
{
    /// <summary>Segment ids, newest first.</summary>
    [Id(0)] public IReadOnlyList<string> Segments { get; init; } = [];
}

/// <summary>What the workers' index persists.</summary>
[GenerateSerializer, Alias("lsx.SegmentWorkState")]
public sealed record SegmentWorkState
{
    /// <summary>Segment ids waiting for a worker, oldest first.</summary>
    [Id(0)] public IReadOnlyList<string> Pending { get; init; } = [];
}
