using LiveStreamX.Mood;

namespace LiveStreamX.Grains.Mood;

/// <summary>
/// Exponentially decayed reaction counts per mood. For a steady rate r the decayed count tends to r·H/ln 2, so
/// rate = count · ln 2 / H, where H is the half-life.
/// </summary>
public sealed class MoodVelocity(double halfLifeSeconds, double intensityScale)
{
    private static readonly int Moods = Enum.GetValues<MoodKind>().Length;
    private readonly double[] _counts = new double[Moods];
    private DateTimeOffset _at;

    public void Add(long[] counts, DateTimeOffset now)
    {
        DecayTo(now);
        for (var i = 0; i < Moods; i++)
        {
            _counts[i] += counts[i];
        }
    }

    /// <summary>Reactions per second, per mood, at <paramref name="now"/>.</summary>
    public double[] Rates(DateTimeOffset now)
    {
        DecayTo(now);
        return [.. _counts.Select(c => c * Math.Log(2) / halfLifeSeconds)];
    }

    /// <summary>The mood with the highest rate, or null when every rate is below 0.01 a second.</summary>
    public static MoodKind? Dominant(double[] rates)
    {
        var max = rates.Max();
        return max < 0.01 ? null : (MoodKind)Array.IndexOf(rates, max);
    }

    /// <summary>1 − e^(−total / scale): 0 when quiet, towards 1 as the audience gets loud.</summary>
    public double Intensity(double[] rates) => 1 - Math.Exp(-rates.Sum() / intensityScale);

    private void DecayTo(DateTimeOffset now)
    {
        if (_at != default && now > _at)
        {
            var factor = Math.Pow(2, -(now - _at).TotalSeconds / halfLifeSeconds);
            for (var i = 0; i < _counts.Length; i++)
            {
                _counts[i] *= factor;
            }
        }

        _at = now > _at ? now : _at;
    }
}
