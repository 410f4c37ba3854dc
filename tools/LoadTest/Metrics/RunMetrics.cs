using System.Collections.Concurrent;

namespace LiveStreamX.LoadTest.Metrics;

/// <summary>The counters of one run, shared by every connection of the load generator.</summary>
public sealed class RunMetrics
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _sent;
    private long _accepted;
    private long _acceptedInWindow;
    private long _delivered;
    private long _deliveredInWindow;
    private long _lost;
    private long _duplicated;
    private long _retries;

    public MeasureWindow Window { get; } = new();

    /// <summary>End-to-end latencies of load messages sent inside the window.</summary>
    public LatencyHistogram Latency { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long AcceptedInWindow => Interlocked.Read(ref _acceptedInWindow);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long DeliveredInWindow => Interlocked.Read(ref _deliveredInWindow);

    public long Lost => Interlocked.Read(ref _lost);

    public long Duplicated => Interlocked.Read(ref _duplicated);

    public long Retries => Interlocked.Read(ref _retries);

    public long ErrorCount => _errors.Values.Sum();

    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public void Sending() => Interlocked.Increment(ref _sent);

    /// <summary>The server acknowledged a message meant to be sent at <paramref name="intendedMicros"/>.</summary>
    public void AcceptedAt(long intendedMicros)
    {
        Interlocked.Increment(ref _accepted);
        if (Window.Contains(intendedMicros))
        {
            Interlocked.Increment(ref _acceptedInWindow);
        }
    }

    public void Delivery(long arrivedMicros)
    {
        Interlocked.Increment(ref _delivered);
        if (Window.Contains(arrivedMicros))
        {
            Interlocked.Increment(ref _deliveredInWindow);
        }
    }

    /// <summary>Records the latency of a load message if it was meant to be sent inside the window.</summary>
    public void Latent(long intendedMicros, long arrivedMicros)
    {
        if (Window.Contains(intendedMicros))
        {
            Latency.Record(arrivedMicros - intendedMicros);
        }
    }

    public void Missed(long count) => Interlocked.Add(ref _lost, count);

    public void Duplicate() => Interlocked.Increment(ref _duplicated);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void Error(string code) => _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
}
