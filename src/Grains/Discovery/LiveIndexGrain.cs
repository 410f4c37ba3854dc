using LiveStreamX.Discovery;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// One shard of the streams live now, with their features (category, tags, title, viewers and viewer velocity).
/// A go-live or end is written at once; viewer counts change in memory, at most once a second per stream.
/// </summary>
// Non-reentrant; its one read (List) interleaves, reading memory in one turn.
public sealed partial class LiveIndexGrain(
    [PersistentState("live-index", StorageNames.Default)] IPersistentState<LiveIndexState> index,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<LiveIndexGrain> logger) : Grain, ILiveIndexGrain
{
    /// <summary>How fast the velocity forgets earlier changes: the mean of about the last minute.</summary>
    private static readonly TimeSpan VelocityWindow = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (int Count, DateTimeOffset At)> _lastCount = [];

    public async Task PutAsync(StreamInfo stream)
    {
        var streams = index.State.Streams;
        if (stream.Status != StreamStatus.Live)
        {
            if (streams.Remove(stream.Id))
            {
                _lastCount.Remove(stream.Id);
                await WriteAsync();
            }

            return;
        }

        var previous = streams.GetValueOrDefault(stream.Id);
        streams[stream.Id] = LiveCandidates.Of(stream, previous, time.GetUtcNow());
        await WriteAsync();
    }

    public Task UpdateViewersAsync(string streamId, int count)
    {
        if (!index.State.Streams.TryGetValue(streamId, out var entry))
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        var velocity = entry.ViewerVelocity;
        if (_lastCount.TryGetValue(streamId, out var last) && now > last.At)
        {
            // An exponential mean of viewers gained per minute, weighted by how long each change took.
            var elapsed = now - last.At;
            var rate = (count - last.Count) / elapsed.TotalMinutes;
            var weight = 1 - Math.Exp(-elapsed / VelocityWindow);
            velocity += weight * (rate - velocity);
        }

        _lastCount[streamId] = (count, now);
        index.State.Streams[streamId] = entry with { Viewers = count, ViewerVelocity = velocity };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveCandidate>> ListAsync()
    {
        // A count that stays put is announced no more, so its velocity fades here with the time since its last change.
        var now = time.GetUtcNow();
        IReadOnlyList<LiveCandidate> list =
        [
            .. index.State.Streams.Values.Select(e => _lastCount.TryGetValue(e.StreamId, out var last) && now > last.At
                ? e with { ViewerVelocity = e.ViewerVelocity * Math.Exp(-(now - last.At) / VelocityWindow) }
                : e),
        ];
        return Task.FromResult(list);
    }

    private async Task WriteAsync()
    {
        try
        {
            await index.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The stream hands its change over one way and never retries: it stays in memory, the next write stores it.
            LogWriteFailed(logger, ex, this.GetPrimaryKeyLong());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live index shard {Shard}: the write failed; kept in memory until the next one")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, long shard);
}
