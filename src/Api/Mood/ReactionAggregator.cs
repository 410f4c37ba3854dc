using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using LiveStreamX.Api.Observability;
using LiveStreamX.Common;
using LiveStreamX.Mood;
using LiveStreamX.Progression;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Mood;

/// <summary>
/// Pre-aggregates reactions on this node: each reaction is one counter increment under a per-stream lock; every
/// window the counts of each stream go to its mood grain in one call. A reaction never costs a grain call.
/// </summary>
public sealed partial class ReactionAggregator(
    IGrainFactory grains,
    IOptions<ReactionOptions> options,
    LiveMetrics metrics,
    ILogger<ReactionAggregator> logger) : BackgroundService
{
    private static readonly int Moods = Enum.GetValues<MoodKind>().Length;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private readonly ConcurrentDictionary<(string User, string Stream), long> _byUser = new();
    private readonly PartitionedRateLimiter<string> _perUser = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.PerUserPerSecond,
            TokensPerPeriod = options.Value.PerUserPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    /// <summary>
    /// Counts <paramref name="count"/> reactions of one mood, or drops them all when they would take the user over
    /// the limit; true when counted.
    /// </summary>
    public bool Add(string userId, string streamId, MoodKind mood, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        // More than a second's worth can never be acquired (the limiter would throw): dropped like any excess.
        using var lease = count <= options.Value.PerUserPerSecond ? _perUser.AttemptAcquire(userId, count) : null;
        if (lease is not { IsAcquired: true })
        {
            metrics.ReactionDropped(count);
            return false;
        }

        _byUser.AddOrUpdate((userId, streamId), count, (_, n) => n + count);
        var bucket = _buckets.GetOrAdd(streamId, _ => new Bucket());
        lock (bucket)
        {
            bucket.Counts[(int)mood] += count;
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.WindowMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    public override void Dispose()
    {
        _perUser.Dispose();
        base.Dispose();
    }

    private async Task FlushAsync()
    {
        var sends = new List<Task>();
        foreach (var (streamId, bucket) in _buckets)
        {
            long[] counts;
            lock (bucket)
            {
                if (bucket.Counts.All(c => c == 0))
                {
                    continue;
                }

                counts = bucket.Counts;
                bucket.Counts = new long[Moods];
            }

            sends.Add(SendAsync(streamId, bucket, counts));
        }

        // Each user's reactions of the window count for XP in one one-way call (capped per minute there).
        foreach (var key in _byUser.Keys)
        {
            if (_byUser.TryRemove(key, out var count))
            {
                sends.Add(grains.Get<IProgressionGrain>(key.User).TrackAsync(new XpActivity(XpSource.Reaction, key.Stream, count)));
            }
        }

        await Task.WhenAll(sends);
    }

    private async Task SendAsync(string streamId, Bucket bucket, long[] counts)
    {
        try
        {
            await grains.Get<IMoodGrain>(streamId).AddAsync(new MoodBatch(counts));
        }
        catch (Exception ex)
        {
            // Put the counts back: the next window retries them, so a failed call loses no reaction.
            lock (bucket)
            {
                for (var i = 0; i < Moods; i++)
                {
                    bucket.Counts[i] += counts[i];
                }
            }

            LogFlushFailed(logger, ex, streamId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending reactions of stream {StreamId} failed; retrying next window")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex, string streamId);

    private sealed class Bucket
    {
        public long[] Counts { get; set; } = new long[Moods];
    }
}
