using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>Where collaborative filtering reads a creator's co-watched creators.</summary>
public interface ICoWatchLookup
{
    /// <summary>The creators most co-watched with <paramref name="creatorId"/>, most similar first; empty when unknown.</summary>
    IReadOnlyList<CoWatchNeighbour> NeighboursOf(string creatorId);
}

/// <summary>
/// Item-item co-watch similarity, kept incrementally: each time a viewer watches a creator for the first time, the
/// pair counts between that creator and the viewer's strongest creators grow by one. The similarity of a neighbour c
/// to a creator d is co(d, c) / (n(d)^(1-α) · n(c)^α + shrinkage) over distinct audiences n: α = 0.5 is the cosine,
/// α = 0 the share of d's viewers who also watch c (which keeps c's popularity in it), as in Deshpande and Karypis'
/// item-based top-N. Persistable as grain state; not thread-safe (one grain owns it).
/// </summary>
[GenerateSerializer, Alias("lsx.CoWatchIndex")]
public sealed class CoWatchIndex : ICoWatchLookup
{
    [Id(0)] private readonly Dictionary<string, int> audience = [];
    [Id(1)] private readonly Dictionary<string, Dictionary<string, int>> pairs = [];

    // Neighbour lists are derived, computed when first read after a change; a deserialized index starts without them.
    [NonSerialized] private Dictionary<string, CoWatchNeighbour[]>? cache;

    /// <summary>Neighbours kept per creator; the index keeps up to four times as many pair counts.</summary>
    [Id(2)] public int MaxNeighbours { get; set; } = 50;

    [Id(3)] public double Shrinkage { get; set; } = 5;

    /// <summary>α above: how much a neighbour's own audience size discounts it (0 none, 0.5 the cosine, 1 fully).</summary>
    [Id(4)] public double PopularityDamping { get; set; } = 0.5;

    private Dictionary<string, CoWatchNeighbour[]> Neighbours => cache ??= [];

    /// <summary>Creators in the index.</summary>
    public int Count => audience.Count;

    /// <summary>Distinct viewers recorded for <paramref name="creatorId"/>.</summary>
    public int AudienceOf(string creatorId) => audience.GetValueOrDefault(creatorId);

    /// <summary>Viewers recorded both for <paramref name="a"/> and <paramref name="b"/>.</summary>
    public int CoViewers(string a, string b) => pairs.TryGetValue(a, out var row) ? row.GetValueOrDefault(b) : 0;

    /// <summary>Uses the options' neighbour count and shrinkage.</summary>
    public CoWatchIndex Configure(RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MaxNeighbours = options.CoWatchNeighbours;
        Shrinkage = options.CoWatchShrinkage;
        PopularityDamping = options.CoWatchPopularityDamping;
        Neighbours.Clear();
        return this;
    }

    /// <summary>
    /// Records a viewer's first watch of <paramref name="creatorId"/>, whose state before it was
    /// <paramref name="before"/>: pairs with their strongest creators. Does nothing for a creator they already had.
    /// </summary>
    /// <returns>True when the watch was new to the viewer and counted.</returns>
    public bool Observe(InterestState before, string creatorId, DateTimeOffset now, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(options);
        if (before.Creators.ContainsKey(creatorId))
        {
            return false;
        }

        RecordViewer(creatorId, StrongestCreators(before, now, options.CoWatchSeeds, options).Select(c => c.CreatorId));
        return true;
    }

    /// <summary>Records one more distinct viewer of <paramref name="creatorId"/> who also watches <paramref name="otherCreators"/>.</summary>
    public void RecordViewer(string creatorId, IEnumerable<string> otherCreators)
    {
        ArgumentException.ThrowIfNullOrEmpty(creatorId);
        ArgumentNullException.ThrowIfNull(otherCreators);
        audience[creatorId] = audience.GetValueOrDefault(creatorId) + 1;
        Neighbours.Remove(creatorId);
        foreach (var other in otherCreators)
        {
            if (other == creatorId || string.IsNullOrEmpty(other))
            {
                continue;
            }

            Increment(creatorId, other);
            Increment(other, creatorId);
            Neighbours.Remove(other);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<CoWatchNeighbour> NeighboursOf(string creatorId)
    {
        if (Neighbours.TryGetValue(creatorId, out var cached))
        {
            return cached;
        }

        if (!pairs.TryGetValue(creatorId, out var row) || !audience.TryGetValue(creatorId, out var own))
        {
            return [];
        }

        var list = new List<CoWatchNeighbour>(row.Count);
        foreach (var (other, together) in row)
        {
            var theirs = Math.Max(together, audience.GetValueOrDefault(other));
            var scale = Math.Pow(own, 1 - PopularityDamping) * Math.Pow(theirs, PopularityDamping);
            list.Add(new CoWatchNeighbour(other, (float)(together / (scale + Shrinkage))));
        }

        list.Sort(static (x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : string.CompareOrdinal(x.CreatorId, y.CreatorId));
        var top = list.Count > MaxNeighbours ? list.GetRange(0, MaxNeighbours).ToArray() : [.. list];
        Neighbours[creatorId] = top;
        return top;
    }

    /// <summary>A viewer's creators by decayed strength, strongest first, with the strength.</summary>
    public static IEnumerable<(string CreatorId, double Strength)> StrongestCreators(InterestState state, DateTimeOffset now, int count, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var halfLife = options.CreatorHalfLife;
        return state.Creators
            .Select(c => (c.Key, c.Value.Score.At(now, halfLife)))
            .OrderByDescending(c => c.Item2)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(count);
    }

    private void Increment(string from, string to)
    {
        if (!pairs.TryGetValue(from, out var row))
        {
            pairs[from] = row = [];
        }

        row[to] = row.GetValueOrDefault(to) + 1;
        var limit = Math.Max(200, MaxNeighbours * 4);
        if (row.Count > limit * 2)
        {
            // Keeps the strongest pairs: a long tail of single co-viewers never makes the top neighbours.
            foreach (var weak in row.OrderBy(p => p.Value).Take(row.Count - limit).Select(p => p.Key).ToList())
            {
                row.Remove(weak);
            }
        }
    }
}
