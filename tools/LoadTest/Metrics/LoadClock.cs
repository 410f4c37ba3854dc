using System.Diagnostics;

namespace LiveStreamX.LoadTest.Metrics;

/// <summary>
/// Microseconds since the Unix epoch, read from a monotonic clock. Senders stamp each message with it and
/// receivers in the same process subtract, so wall-clock steps never show up as latency.
/// </summary>
public static class LoadClock
{
    private static readonly long EpochMicros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private static readonly long Origin = Stopwatch.GetTimestamp();

    public static long NowMicros() => EpochMicros + (Stopwatch.GetTimestamp() - Origin) * 1_000_000 / Stopwatch.Frequency;
}
