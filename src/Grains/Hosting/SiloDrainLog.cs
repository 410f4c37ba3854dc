using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// Says when a silo starts draining (SIGTERM: it stops taking work, deactivates its grains, which persist, and
/// leaves the membership table) and how long the drain took, so operators and tests can see a clean stop.
/// </summary>
internal sealed partial class SiloDrainLog(ILogger<SiloDrainLog> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Stopwatch _draining = new();

    public void Participate(ISiloLifecycle lifecycle)
    {
        // Stops run in reverse stage order: Active stops first, RuntimeInitialize among the last.
        lifecycle.Subscribe(nameof(SiloDrainLog) + ".Active", ServiceLifecycleStage.Active, _ => Task.CompletedTask, OnDrainStartAsync);
        lifecycle.Subscribe(nameof(SiloDrainLog) + ".Initialize", ServiceLifecycleStage.RuntimeInitialize, _ => Task.CompletedTask, OnDrainedAsync);
    }

    private Task OnDrainStartAsync(CancellationToken cancellationToken)
    {
        _draining.Start();
        LogDraining(logger);
        return Task.CompletedTask;
    }

    private Task OnDrainedAsync(CancellationToken cancellationToken)
    {
        LogDrained(logger, _draining.Elapsed.TotalSeconds, cancellationToken.IsCancellationRequested);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo draining: deactivating grains and leaving the cluster")]
    private static partial void LogDraining(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo drained in {Seconds:F1} s (shutdown timeout reached: {TimedOut})")]
    private static partial void LogDrained(ILogger logger, double seconds, bool timedOut);
}
