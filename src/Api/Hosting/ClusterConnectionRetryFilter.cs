using System.Diagnostics;
using LiveStreamX.Grains.Hosting;

namespace LiveStreamX.Api.Hosting;

/// <summary>
/// Keeps an Api node in client mode trying to reach the cluster at start, whatever stands in the way: Redis down
/// (the gateway list cannot be read), no silo up yet, a gateway refusing. Orleans' default filter gives up on the
/// first Redis error, and the process would exit. Gives up after <see cref="OrleansHostingOptions.StartupWaitSeconds"/>.
/// </summary>
internal sealed partial class ClusterConnectionRetryFilter(OrleansHostingOptions options, ILogger<ClusterConnectionRetryFilter> logger)
    : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _waited = Stopwatch.StartNew();
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (options.StartupWaitSeconds > 0 && _waited.Elapsed >= TimeSpan.FromSeconds(options.StartupWaitSeconds))
        {
            LogGivingUp(logger, exception, options.StartupWaitSeconds);
            return false;
        }

        var attempt = Interlocked.Increment(ref _attempts);
        LogRetrying(logger, attempt, exception.GetType().Name, exception.Message);
        var delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(attempt - 1, 8)), MaxDelay.TotalMilliseconds));
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the cluster (attempt {Attempt}): {Error}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, string error, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The cluster did not answer within {Seconds} s (LSX__Orleans__StartupWaitSeconds); stopping")]
    private static partial void LogGivingUp(ILogger logger, Exception ex, int seconds);
}
