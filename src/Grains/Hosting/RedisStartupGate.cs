using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// Holds a silo's start until Redis answers. Orleans calls the membership table once at start without retrying,
/// so a silo started during a Redis restart (or before Redis, as in docker compose) would otherwise exit; once
/// the silo runs, StackExchange.Redis reconnects by itself and Orleans retries its membership reads and writes.
/// </summary>
internal sealed partial class RedisStartupGate(OrleansHostingOptions options, ILogger<RedisStartupGate> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public void Participate(ISiloLifecycle lifecycle) =>
        // Before RuntimeGrainServices, where the membership table, storage and reminders first reach Redis.
        lifecycle.Subscribe(nameof(RedisStartupGate), ServiceLifecycleStage.RuntimeInitialize, WaitForRedisAsync);

    private async Task WaitForRedisAsync(CancellationToken cancellationToken)
    {
        var redis = options.RedisConfiguration();
        redis.AbortOnConnectFail = true;
        redis.ConnectRetry = 0;
        redis.ConnectTimeout = 2000;
        var limit = options.StartupWaitSeconds > 0 ? TimeSpan.FromSeconds(options.StartupWaitSeconds) : Timeout.InfiniteTimeSpan;
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
                await connection.GetDatabase().PingAsync();
                if (attempt > 1)
                {
                    LogRedisAnswered(logger, redis.ToString(includePassword: false), waited.Elapsed.TotalSeconds);
                }

                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                if (limit != Timeout.InfiniteTimeSpan && waited.Elapsed >= limit)
                {
                    throw new InvalidOperationException(
                        $"Redis at '{redis.ToString(includePassword: false)}' did not answer within {options.StartupWaitSeconds} s: " +
                        $"start it, or check {OrleansHostingOptions.Section}:RedisConnectionString (LSX__Orleans__RedisConnectionString).", ex);
                }

                LogWaitingForRedis(logger, redis.ToString(includePassword: false), attempt, ex.Message);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    LogStoppedWaiting(logger, redis.ToString(includePassword: false), waited.Elapsed.TotalSeconds);
                    throw;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for Redis at {Redis} before joining the cluster (attempt {Attempt}): {Reason}")]
    private static partial void LogWaitingForRedis(ILogger logger, string redis, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping before Redis at {Redis} answered (waited {Seconds:F1} s): the silo never joined the cluster")]
    private static partial void LogStoppedWaiting(ILogger logger, string redis, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Redis} answered after {Seconds:F1} s; joining the cluster")]
    private static partial void LogRedisAnswered(ILogger logger, string redis, double seconds);
}
