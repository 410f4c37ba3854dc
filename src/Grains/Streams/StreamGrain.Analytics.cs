using LiveStreamX.Analytics;
using LiveStreamX.Common;
using LiveStreamX.Grains.Analytics;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    // Counted in memory and handed to the analytics grain once a minute turns, or when the figures are read.
    private readonly StreamTally _tally = new();

    public Task<AnalyticsTally> TakeAnalyticsAsync(Actor actor)
    {
        EnsureMayManage(actor, Info);
        return Task.FromResult(_tally.Take());
    }

    private void Count(Action<StreamTally, DateTimeOffset> count)
    {
        var now = time.GetUtcNow();
        count(_tally, now);
        if (_tally.TakeIfMinuteTurned(now) is { } tally)
        {
            HandOver(tally);
        }
    }

    private void HandOverAnalytics()
    {
        if (_tally.Take() is { IsEmpty: false } tally)
        {
            HandOver(tally);
        }
    }

    // One-way: the stream never waits for its analytics.
    private void HandOver(AnalyticsTally tally) => GrainFactory.Get<IStreamAnalyticsGrain>(Id).RecordAsync(tally).Ignore();
}
