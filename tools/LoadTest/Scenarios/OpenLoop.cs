using LiveStreamX.LoadTest.Metrics;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// Sends on a fixed schedule whatever the server answers: action n is due at start + n / rate and carries that
/// intended time, so a slow server shows up as latency instead of as a lower send rate (no coordinated omission).
/// </summary>
internal sealed class OpenLoop(double rate, RunMetrics metrics)
{
    private readonly int _maxInFlight = (int)Math.Max(1000, rate * 30);
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Fires every action due between <paramref name="startMicros"/> and <paramref name="endMicros"/>.</summary>
    public async Task RunAsync(long startMicros, long endMicros, Func<long, long, Task> act, CancellationToken cancellationToken)
    {
        var interval = 1_000_000.0 / rate;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        for (long n = 0; ; )
        {
            var now = LoadClock.NowMicros();
            for (var due = startMicros + (long)(n * interval); due <= Math.Min(now, endMicros - 1); due = startMicros + (long)(n * interval))
            {
                if (InFlight >= _maxInFlight)
                {
                    // The server has not answered the last 30 s of sends: count the send as failed rather than queue without end.
                    metrics.Sending();
                    metrics.Error("client_backlog");
                }
                else
                {
                    Fire(act, n, due);
                }

                n++;
            }

            if (now >= endMicros || !await timer.WaitForNextTickAsync(cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Waits, bounded, for the answers to every send.</summary>
    public async Task WaitAnsweredAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = LoadClock.NowMicros() + (long)timeout.TotalMicroseconds;
        while (InFlight > 0 && LoadClock.NowMicros() < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private void Fire(Func<long, long, Task> act, long n, long intendedMicros)
    {
        Interlocked.Increment(ref _inFlight);
        _ = RunOneAsync(act, n, intendedMicros);
    }

    private async Task RunOneAsync(Func<long, long, Task> act, long n, long intendedMicros)
    {
        try
        {
            await act(n, intendedMicros);
        }
        catch (Exception e)
        {
            metrics.Error("client:" + e.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
