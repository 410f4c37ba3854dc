using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Discovery;

/// <summary>A stream as the ranker reads it.</summary>
public static class LiveCandidates
{
    /// <summary>
    /// The stream's candidate, its title's terms extracted once here; the audience figures of <paramref name="known"/>
    /// (the entry before) carry over, since a status change says nothing of them.
    /// </summary>
    public static LiveCandidate Of(StreamInfo stream, LiveCandidate? known, DateTimeOffset now) => new(
        stream.Id,
        stream.CreatorId,
        stream.CreatorHandle,
        stream.Title,
        stream.Category,
        [.. stream.Tags],
        known?.Title == stream.Title ? known.TitleTerms : TitleTerms.Extract(stream.Title),
        known?.Viewers ?? stream.ViewerCount,
        known?.ViewerVelocity ?? 0,
        stream.Status == StreamStatus.Live ? stream.StartedAt ?? now : null,
        StartsAt: null);
}
