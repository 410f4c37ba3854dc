namespace LiveStreamX.LoadTest.Metrics;

/// <summary>
/// The measured part of a run, after the warm-up: latencies count for messages sent in it, deliveries for
/// events that arrived in it.
/// </summary>
public sealed class MeasureWindow
{
    private long _start = long.MaxValue;
    private long _end = long.MaxValue;

    public long StartMicros => Volatile.Read(ref _start);

    public long EndMicros => Volatile.Read(ref _end);

    public double Seconds => (EndMicros - StartMicros) / 1_000_000.0;

    public void Set(long startMicros, long endMicros)
    {
        Volatile.Write(ref _end, endMicros);
        Volatile.Write(ref _start, startMicros);
    }

    public bool Contains(long micros) => micros >= StartMicros && micros < EndMicros;
}
