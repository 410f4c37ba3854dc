using LiveStreamX.Streams;
using LiveStreamX.Vod;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const int TimelineBatch = 64;
    private static readonly TimeSpan TimelineDelay = TimeSpan.FromSeconds(1);

    // Events waiting for the next hand-over to the stream's timeline (its VOD).
    private readonly List<StreamEvent> _forTimeline = [];
    private IGrainTimer? _timelineTimer;

    // The timeline grain gets every event one way, in batches, rather than registering as one more node observer:
    // an observer holds a lease the viewer-count reports renew, which the timeline would have to keep renewing for
    // every live stream, and it would get one push per grain call. A hand-over lost with a silo is a gap in the seqs
    // the timeline fills from the replay buffer. A state change (the end) goes at once.
    private void HandOverToTimeline(StreamEvent[] events)
    {
        _forTimeline.AddRange(events);
        if (_forTimeline.Count >= TimelineBatch || events.Any(e => e is StreamStateChanged))
        {
            FlushTimeline();
        }
        else
        {
            _timelineTimer ??= this.RegisterGrainTimer(
                () =>
                {
                    FlushTimeline();
                    return Task.CompletedTask;
                },
                new GrainTimerCreationOptions { DueTime = TimelineDelay, Period = Timeout.InfiniteTimeSpan });
        }
    }

    private void FlushTimeline()
    {
        _timelineTimer?.Dispose();
        _timelineTimer = null;
        if (_forTimeline.Count == 0)
        {
            return;
        }

        StreamEvent[] batch = [.. _forTimeline];
        _forTimeline.Clear();
        GrainFactory.GetGrain<IStreamTimelineGrain>(Id).RecordAsync(batch).Ignore();
    }
}
