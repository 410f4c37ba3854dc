using LiveStreamX.Leaderboards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Leaderboards;

/// <summary>
/// Board scores added on this silo, summed per category and user and sent every <see cref="Window"/> in one call to
/// the board recorder, which sends one call per board shard touched. A gift used to make three recorder calls and
/// six shard calls; now it adds three numbers here. Boards are derived from ledgers and XP and written behind
/// already, so a silo that dies loses at most a window of score, never money.
/// </summary>
public sealed partial class LeaderboardScoreBuffer(IGrainFactory grains, ILogger<LeaderboardScoreBuffer> logger) : BackgroundService
{
    /// <summary>How long a score may wait on its silo before it reaches its boards.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private Dictionary<(string Category, string UserId), long> _pending = [];

    /// <summary>Adds <paramref name="delta"/> points to the user's score in the category, within a window.</summary>
    public void Add(string category, string userId, long delta)
    {
        if (delta <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _pending[(category, userId)] = _pending.GetValueOrDefault((category, userId)) + delta;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Window);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last window goes out below.
        }

        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        Dictionary<(string Category, string UserId), long> batch;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = [];
        }

        try
        {
            await grains.GetGrain<ILeaderboardRecorderGrain>(0).RecordManyAsync([.. batch.Select(s => new ScoreDelta(s.Key.Category, s.Key.UserId, s.Value))]);
        }
        catch (Exception ex)
        {
            // Scores are a courtesy of the ledgers and XP: a window lost to a failing cluster is logged, not retried.
            LogFlushFailed(logger, ex, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} board scores failed; they are dropped")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex, int count);
}
