namespace LiveStreamX.RecEval.Evaluation;

/// <summary>Which consumption an evaluated moment was: all, a creator the user watched before, or one new to them.</summary>
internal enum Split
{
    All = 0,
    Repeat = 1,
    New = 2,
}

/// <summary>Hit rates, MRR and NDCG@10 over the moments evaluated, from the rank the watched streamer got (0 = not ranked).</summary>
internal sealed class Metrics
{
    public long Count { get; private set; }

    public long Hits1 { get; private set; }

    public long Hits5 { get; private set; }

    public long Hits10 { get; private set; }

    public double ReciprocalRanks { get; private set; }

    public double Gains10 { get; private set; }

    public double HR1 => Ratio(Hits1);

    public double HR5 => Ratio(Hits5);

    public double HR10 => Ratio(Hits10);

    public double MRR => Count == 0 ? 0 : ReciprocalRanks / Count;

    public double NDCG10 => Count == 0 ? 0 : Gains10 / Count;

    /// <summary>Adds one moment where the watched streamer ranked <paramref name="rank"/> (1 = first; 0 = not in the list).</summary>
    public void Add(int rank)
    {
        Count++;
        if (rank <= 0)
        {
            return;
        }

        Hits1 += rank <= 1 ? 1 : 0;
        Hits5 += rank <= 5 ? 1 : 0;
        Hits10 += rank <= 10 ? 1 : 0;
        ReciprocalRanks += 1.0 / rank;

        // One relevant item: the ideal DCG is 1, so NDCG is the discounted gain at its rank.
        Gains10 += rank <= 10 ? 1 / Math.Log2(rank + 1) : 0;
    }

    private double Ratio(long hits) => Count == 0 ? 0 : (double)hits / Count;
}

/// <summary>Percentiles of request times, in milliseconds.</summary>
internal sealed class Timings
{
    private readonly List<double> milliseconds = [];

    public int Count => milliseconds.Count;

    public void Add(long elapsedTicks) => milliseconds.Add(elapsedTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency);

    public void AddNanoseconds(long nanoseconds) => milliseconds.Add(nanoseconds / 1e6);

    public double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return 0;
        }

        milliseconds.Sort();
        var index = (int)Math.Ceiling(p / 100 * milliseconds.Count) - 1;
        return milliseconds[Math.Clamp(index, 0, milliseconds.Count - 1)];
    }

    public double Mean => milliseconds.Count == 0 ? 0 : milliseconds.Average();
}
