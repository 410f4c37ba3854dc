namespace LiveStreamX.Segments;

/// <summary>Where an uploaded clip is on its way to being playable.</summary>
public enum SegmentStatus
{
    /// <summary>Chunks are arriving; the upload can be resumed.</summary>
    Uploading = 0,

    /// <summary>Uploaded; a worker probes it and makes the rendition and thumbnail.</summary>
    Processing = 1,

    /// <summary>Playable: it may be queued into a live stream.</summary>
    Ready = 2,

    /// <summary>It could not be made playable; <see cref="Segment.FailureReason"/> says why.</summary>
    Failed = 3,
}

/// <summary>The container, as sniffed from the first bytes of the file (never from its name).</summary>
public enum SegmentContainer
{
    Unknown = 0,
    Mp4 = 1,
    Mov = 2,
    Webm = 3,
}

/// <summary>A creator's pre-recorded clip. Key of its grain: <see cref="Id"/>.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Segment")]
public sealed record Segment(
    [property: Id(0)] string Id,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string Title,
    [property: Id(3)] SegmentStatus Status,
    [property: Id(4)] SegmentContainer Container,
    [property: Id(5)] long Size,
    [property: Id(6)] int ChunkSize,
    [property: Id(7)] int ChunkCount,
    [property: Id(8)] int Progress,
    [property: Id(9)] string? FailureReason,
    [property: Id(10)] long? DurationMs,
    [property: Id(11)] int? Width,
    [property: Id(12)] int? Height,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset? ReadyAt)
{
    /// <summary>The length of chunk <paramref name="index"/>: <see cref="ChunkSize"/>, the last one what is left.</summary>
    public long ChunkLength(int index) => index < ChunkCount - 1 ? ChunkSize : Size - ((long)ChunkSize * (ChunkCount - 1));
}

/// <summary>Where a segment's objects live in the media store.</summary>
public static class SegmentKeys
{
    /// <summary>The uploaded file, as sent; deleted once processed.</summary>
    public static string Source(string segmentId) => $"segments/{segmentId}/source";

    /// <summary>The fast-start MP4 (H.264/AAC) browsers play.</summary>
    public static string Rendition(string segmentId) => $"segments/{segmentId}/clip.mp4";

    public static string Thumbnail(string segmentId) => $"segments/{segmentId}/thumb.jpg";

    /// <summary>Every key a segment may have written.</summary>
    public static IReadOnlyList<string> All(string segmentId) => [Source(segmentId), Rendition(segmentId), Thumbnail(segmentId)];

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>A new segment id: <c>sg_</c> and 16 hex digits.</summary>
    public static string NewId() => "sg_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Whether <paramref name="id"/> has the shape of a segment id (so it is also a safe media key part).</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: 19 } && id.StartsWith("sg_", StringComparison.Ordinal) && id.AsSpan(3).IndexOfAnyExcept(Hex) < 0;
}

/// <summary>A creator starts an upload.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CreateSegment")]
public sealed record CreateSegment(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string Title,
    [property: Id(2)] long Size,
    [property: Id(3)] int ChunkSize);

/// <summary>What a worker learned and made of an uploaded file.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ProcessedSegment")]
public sealed record ProcessedSegment(
    [property: Id(0)] long DurationMs,
    [property: Id(1)] int Width,
    [property: Id(2)] int Height);
