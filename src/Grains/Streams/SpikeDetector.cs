namespace LiveStreamX.Grains.Streams;

/// <summary>
/// Per-second totals of one signal (reactions, gift tokens) and the z-score of a second against the
/// <c>window</c> seconds before it. A second is a spike when z &gt; threshold and it is at least
/// max(minimum, 2 × the window's mean) — so a quiet stream's first handful of reactions is not a highlight.
/// </summary>
public sealed class SpikeDetector(int windowSeconds = 60, double threshold = 3, double minimum = 5)
{
    private readonly Dictionary<long, double> _seconds = [];
    private long? _first;

    public void Add(long second, double amount)
    {
        _first ??= second;
        _seconds[second] = _seconds.GetValueOrDefault(second) + amount;
    }

    /// <summary>The z-score of <paramref name="second"/> if it is a spike, else null. Needs 10 s of history.</summary>
    public double? Check(long second)
    {
        foreach (var old in _seconds.Keys.Where(k => k < second - windowSeconds).ToList())
        {
            _seconds.Remove(old);
        }

        if (_first is null || second - _first < 10)
        {
            return null;
        }

        var history = Enumerable.Range(1, windowSeconds).Select(i => _seconds.GetValueOrDefault(second - i)).ToArray();
        var mean = history.Average();
        var std = Math.Sqrt(history.Sum(v => (v - mean) * (v - mean)) / history.Length);
        var value = _seconds.GetValueOrDefault(second);
        var z = (value - mean) / Math.Max(std, 1);
        return z > threshold && value >= Math.Max(minimum, 2 * mean) ? Math.Round(z, 2) : null;
    }
}
