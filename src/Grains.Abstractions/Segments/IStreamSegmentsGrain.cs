using LiveStreamX.Users;
using Orleans.Concurrency;

namespace LiveStreamX.Segments;

/// <summary>
/// A live stream's queue of pre-recorded segments: what plays now and what comes next, each now or at a time.
/// Announces <see cref="SegmentStarted"/> and <see cref="SegmentEnded"/> through the stream. Key: stream id.
/// </summary>
[Alias("lsx.IStreamSegmentsGrain")]
public interface IStreamSegmentsGrain : IGrainWithStringKey
{
    /// <summary>The most entries waiting in one queue.</summary>
    public const int MaxEntries = 50;

    /// <summary>Queues a ready segment of the stream's creator; only the creator or an admin, only while live.</summary>
    [Alias("Enqueue")]
    Task<SegmentQueue> EnqueueAsync(Actor actor, QueueSegment request);

    /// <summary>Takes an entry off the queue; the one playing ends at once.</summary>
    [Alias("Remove")]
    Task<SegmentQueue> RemoveAsync(Actor actor, string entryId);

    /// <summary>Puts the waiting entries in this order (every waiting entry, once).</summary>
    [Alias("Reorder")]
    Task<SegmentQueue> ReorderAsync(Actor actor, IReadOnlyList<string> entryIds);

    [Alias("Get"), AlwaysInterleave]
    Task<SegmentQueue> GetAsync();

    /// <summary>The clips the stream played, oldest first (a VOD without a recording plays them at their offsets).</summary>
    [Alias("GetPlayed"), AlwaysInterleave]
    Task<IReadOnlyList<PlayedSegment>> GetPlayedAsync();
}

/// <summary>A clip a stream played: from <see cref="StartedAt"/> for <see cref="PlayedMs"/> (less than its length when cut short).</summary>
[GenerateSerializer, Immutable, Alias("lsx.PlayedSegment")]
public sealed record PlayedSegment(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] long PlayedMs);

/// <summary>Queue <see cref="SegmentId"/>, to play as soon as the queue reaches it, or not before <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("lsx.QueueSegment")]
public sealed record QueueSegment(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] DateTimeOffset? At);

/// <summary>A segment waiting in a stream's queue.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SegmentQueueEntry")]
public sealed record SegmentQueueEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string SegmentId,
    [property: Id(2)] string Title,
    [property: Id(3)] long DurationMs,
    [property: Id(4)] DateTimeOffset? At,
    [property: Id(5)] DateTimeOffset AddedAt);

/// <summary>What a stream plays and will play.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SegmentQueue")]
public sealed record SegmentQueue(
    [property: Id(0)] SegmentStarted? Playing,
    [property: Id(1)] IReadOnlyList<SegmentQueueEntry> Waiting);
