namespace LiveStreamX.Api.Identity;

/// <summary>Keeps this node's copy of the cluster's signing keys fresh: at start, then every few seconds.</summary>
internal sealed partial class SigningKeyRefresher(SigningKeyRing ring, Microsoft.Extensions.Options.IOptions<AuthOptions> options, ILogger<SigningKeyRefresher> logger)
    : BackgroundService
{
    // A node that cannot read the ring yet answers sign-ins with 'unavailable' and tries again this often.
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ring.FromCluster)
        {
            return;
        }

        // Once before the node takes requests, so its first sign-in finds the keys; a failure is retried below.
        await TryRefreshAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.KeyRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var ok = await TryRefreshAsync();
            try
            {
                await Task.Delay(ok ? period : RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryRefreshAsync()
    {
        try
        {
            await ring.RefreshAsync();
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRefreshFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the cluster's signing keys failed; trying again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
