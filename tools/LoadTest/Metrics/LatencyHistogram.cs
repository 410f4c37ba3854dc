using HdrHistogram;

namespace LiveStreamX.LoadTest.Metrics;

/// <summary>End-to-end latencies in microseconds, from 1 µs to 10 minutes at 3 significant digits.</summary>
public sealed class LatencyHistogram
{
    private const long Highest = 600_000_000;
    // One lock for writes and reads: the concurrent histogram cannot be read while others record into it.
    private readonly Lock _gate = new();
    private readonly LongHistogram _histogram = new(1, Highest, 3);

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _histogram.TotalCount;
            }
        }
    }

    public void Record(long micros)
    {
        lock (_gate)
        {
            _histogram.RecordValue(Math.Clamp(micros, 1, Highest));
        }
    }

    public LatencySummary Summary()
    {
        lock (_gate)
        {
            return Read();
        }
    }

    private LatencySummary Read() => _histogram.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0)
        : new LatencySummary(
            _histogram.TotalCount,
            Millis(_histogram.GetValueAtPercentile(50)),
            Millis(_histogram.GetValueAtPercentile(90)),
            Millis(_histogram.GetValueAtPercentile(99)),
            Millis(_histogram.GetValueAtPercentile(99.9)),
            Millis(_histogram.GetMaxValue()));

    private static double Millis(long micros) => Math.Round(micros / 1000.0, 3);
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs);
