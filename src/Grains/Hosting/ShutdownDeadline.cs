using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// Holds a stopping silo to its host's shutdown timeout. Orleans' stop waits on Redis (the membership table's
/// "stopping" and "dead" writes, grain state on deactivation) well past the host's timeout when Redis is gone, so
/// a silo would ignore SIGTERM for a minute or more. On SIGTERM this says whether Redis answers; if the stop is
/// still running when the timeout is up, it says why and ends the process (exit code 1: state may be unsaved; the
/// cluster declares the silo dead by its missed probes).
/// </summary>
internal sealed partial class ShutdownDeadline(
    OrleansHostingOptions options,
    IHostApplicationLifetime lifetime,
    IOptions<HostOptions> host,
    ILogger<ShutdownDeadline> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopped = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _ = WatchAsync());
        // A host that stopped in time (or a test host in a process that lives on) must never be ended by this.
        lifetime.ApplicationStopped.Register(_stopped.Cancel);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopped.Dispose();

    private async Task WatchAsync()
    {
        var timeout = host.Value.ShutdownTimeout;
        var deadline = Task.Delay(timeout, _stopped.Token);
        var redis = options.RedisConfiguration();
        var problem = await ProbeAsync(redis);
        if (problem is not null)
        {
            LogRedisGone(logger, redis.ToString(includePassword: false), problem, timeout.TotalSeconds);
        }

        try
        {
            await deadline;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        LogDeadline(logger, timeout.TotalSeconds, problem is null ? "a stage of the silo's stop did not finish" : $"Redis does not answer ({problem})");
        Environment.Exit(1);
    }

    private static async Task<string?> ProbeAsync(ConfigurationOptions redis)
    {
        redis.AbortOnConnectFail = true;
        redis.ConnectRetry = 0;
        redis.ConnectTimeout = (int)ProbeTimeout.TotalMilliseconds;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis).WaitAsync(ProbeTimeout * 2);
            await connection.GetDatabase().PingAsync().WaitAsync(ProbeTimeout);
            return null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The first sentence: StackExchange.Redis goes on with advice for connection strings.
            return ex.Message.IndexOf(". ", StringComparison.Ordinal) is > 0 and var end ? ex.Message[..end] : ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Stopping while Redis at {Redis} does not answer ({Reason}): grains cannot save their state and the silo cannot leave the membership table; it stops within the shutdown timeout ({Seconds} s) and the cluster will declare it dead")]
    private static partial void LogRedisGone(ILogger logger, string redis, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The silo did not stop within the shutdown timeout ({Seconds} s) because {Why}; exiting now")]
    private static partial void LogDeadline(ILogger logger, double seconds, string why);
}
