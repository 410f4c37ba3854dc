using Orleans.Concurrency;

namespace LiveStreamX.Segments;

/// <summary>
/// One uploaded clip and its state: uploading → processing → ready | failed. Workers on any Api node claim its
/// processing with a lease, so two nodes never process it at once. Key: segment id.
/// </summary>
[Alias("lsx.ISegmentGrain")]
public interface ISegmentGrain : IGrainWithStringKey
{
    /// <summary>Starts an upload; <c>conflict</c> if the id is taken.</summary>
    [Alias("Create")]
    Task<Segment> CreateAsync(CreateSegment command);

    /// <summary>The segment, or null if there is none.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<Segment?> GetAsync();

    /// <summary>The container sniffed from the first chunk; a later chunk 0 must agree.</summary>
    [Alias("SetContainer")]
    Task<Segment> SetContainerAsync(string ownerId, SegmentContainer container);

    /// <summary>Every chunk arrived and was committed: the segment goes to processing and into the workers' queue.</summary>
    [Alias("CompleteUpload")]
    Task<Segment> CompleteUploadAsync(string ownerId);

    /// <summary>For a worker: the segment to process, held by <paramref name="workerId"/> for <paramref name="lease"/>; null when it is not processing or another worker holds it.</summary>
    [Alias("Claim")]
    Task<Segment?> ClaimAsync(string workerId, TimeSpan lease);

    /// <summary>A worker's progress (0–100), which also renews its lease; false when the worker no longer holds it.</summary>
    [Alias("ReportProgress")]
    Task<bool> ReportProgressAsync(string workerId, int percent, TimeSpan lease);

    /// <summary>The worker made the rendition and thumbnail: the segment is ready.</summary>
    [Alias("MarkReady")]
    Task<Segment> MarkReadyAsync(string workerId, ProcessedSegment result);

    /// <summary>The worker could not read the file: the segment failed, with a reason for its owner.</summary>
    [Alias("MarkFailed")]
    Task<Segment> MarkFailedAsync(string workerId, string reason);

    /// <summary>Forgets the segment (its owner's call; the Api deletes its media objects).</summary>
    [Alias("Delete")]
    Task DeleteAsync(string ownerId);
}

/// <summary>A creator's segments, newest first. Key: user id.</summary>
[Alias("lsx.ISegmentLibraryGrain")]
public interface ISegmentLibraryGrain : IGrainWithStringKey
{
    /// <summary>The most segments a creator keeps.</summary>
    public const int MaxSegments = 200;

    /// <summary>Adds a segment; <c>conflict</c> when the library is full.</summary>
    [Alias("Add")]
    Task AddAsync(string segmentId);

    [Alias("Remove")]
    Task RemoveAsync(string segmentId);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<string>> ListAsync();
}

/// <summary>The segments waiting for a worker, cluster-wide: an index the workers poll, never the claim itself. Key: <see cref="Key"/>.</summary>
[Alias("lsx.ISegmentWorkGrain")]
public interface ISegmentWorkGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [Alias("Enqueue")]
    Task EnqueueAsync(string segmentId);

    [Alias("Done")]
    Task DoneAsync(string segmentId);

    /// <summary>The waiting segments, oldest first.</summary>
    [Alias("Pending"), AlwaysInterleave]
    Task<IReadOnlyList<string>> PendingAsync();
}
