namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>A Zipf distribution over n ranks: rank k (0-based) has weight 1 / (k + 1)^s.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double exponent)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += 1 / Math.Pow(k + 1, exponent);
            _cumulative[k] = sum;
        }

        for (var k = 0; k < n; k++)
        {
            _cumulative[k] /= sum;
        }
    }

    /// <summary>The rank for a uniform draw <paramref name="u"/> in [0, 1).</summary>
    public int Sample(double u)
    {
        var index = Array.BinarySearch(_cumulative, u);
        return Math.Min(_cumulative.Length - 1, index >= 0 ? index : ~index);
    }
}
