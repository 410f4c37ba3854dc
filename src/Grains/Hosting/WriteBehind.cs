namespace LiveStreamX.Grains.Hosting;

/// <summary>
/// Writes a grain's state at most once per interval after it changes, and on deactivation: for state derived from
/// something durable elsewhere (XP, board scores), where a crash may cost one interval of change but a write per
/// change would cost the hot path. A failed write is tried again one interval later.
/// </summary>
internal sealed class WriteBehind(IGrainBase grain, Func<CancellationToken, Task> write, TimeSpan interval)
{
    private IGrainTimer? _timer;

    /// <summary>Whether the state has changed since it was last written.</summary>
    public bool Unsaved { get; private set; }

    /// <summary>Marks the state changed; it is written within <c>interval</c>.</summary>
    public void Changed()
    {
        Unsaved = true;
        // Timer callbacks do not interleave with grain calls: nothing changes during the write.
        _timer ??= grain.RegisterGrainTimer(
            async ct =>
            {
                try
                {
                    await WriteAsync(ct);
                }
                finally
                {
                    // Disposing the timer cancels ct, so it is disposed after the write, not before.
                    _timer?.Dispose();
                    _timer = null;
                    if (Unsaved)
                    {
                        Changed();
                    }
                }
            },
            new GrainTimerCreationOptions { DueTime = interval, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    /// <summary>Writes now if anything is unsaved: call it from <c>OnDeactivateAsync</c>.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Unsaved ? WriteAsync(cancellationToken) : Task.CompletedTask;

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await write(cancellationToken);
        Unsaved = false;
    }
}
