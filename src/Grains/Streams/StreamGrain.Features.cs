using LiveStreamX.Engagement;
using LiveStreamX.Mood;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    // The latest mood, for the join snapshot: transient, so it is not persisted.
    private MoodStateChanged? _mood;

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
            default:
                return await PublishAsync(draft);
        }
    }
}
