using LiveStreamX.Engagement;
using LiveStreamX.Mood;
using LiveStreamX.Segments;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    // The latest mood, for the join snapshot: transient, so it is not persisted.
    private MoodStateChanged? _mood;

    // The clip playing, for the join snapshot (a late joiner starts it at its offset): transient like the mood, and
    // never handed out past its end, should its segment:end be lost with a silo.
    private SegmentStarted? _segment;

    private SegmentStarted? PlayingSegment => _segment is { } playing && playing.EndsAt > time.GetUtcNow() ? playing : null;

    public async Task<StreamEvent> AppendAsync(StreamEvent draft)
    {
        _ = Info;
        switch (draft)
        {
            case PollEvent poll:
                return await PublishAsync(poll, e => _poll.CommitAsync(new StreamPollState { Poll = e.Poll }));
            case MoodStateChanged mood:
                _mood = await PublishAsync(mood);
                return _mood;
            case SegmentStarted started:
                _segment = await PublishAsync(started);
                return _segment;
            case SegmentEnded ended:
                _segment = _segment?.EntryId == ended.EntryId ? null : _segment;
                return await PublishAsync(ended);
            default:
                return await PublishAsync(draft);
        }
    }
}
