using LiveStreamX.Streams;
using Orleans.Concurrency;

namespace LiveStreamX.Vod;

/// <summary>
/// A stream's interaction timeline, for its VOD: chat, gifts, overlay effects, polls, challenges, mood, moments and
/// segments, each at its offset from the stream's start. Key: stream id. The stream grain hands every event over
/// one way, in batches; when the stream ends the timeline is archived (<see cref="VodArchive"/>).
/// </summary>
[Alias("lsx.IStreamTimelineGrain")]
public interface IStreamTimelineGrain : IGrainWithStringKey
{
    /// <summary>The stream's next events, as the stream grain hands them over (every event, by seq). One way.</summary>
    [OneWay, Alias("Record")]
    Task RecordAsync(StreamEvent[] events);

    /// <summary>Entries from an offset (or after a seq) with what was on screen at that offset.</summary>
    [Alias("Read")]
    Task<TimelineRead> ReadAsync(TimelineQuery query);

    /// <summary>The archive, once the stream has ended and its timeline is written; null before.</summary>
    [Alias("GetArchive"), AlwaysInterleave]
    Task<VodArchive?> GetArchiveAsync();
}

/// <summary>One sealed page of a stream's timeline (key "{streamId}/{page}"); written once, then only read.</summary>
[Alias("lsx.IStreamTimelinePageGrain")]
public interface IStreamTimelinePageGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task WriteAsync(TimelineEntry[] entries);

    [Alias("Read"), AlwaysInterleave]
    Task<TimelineEntry[]> ReadAsync();
}
