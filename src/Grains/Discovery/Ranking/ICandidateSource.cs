using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>The four candidate sources the ranker blends.</summary>
public enum RankingSource
{
    Repeat = 0,
    CoWatch = 1,
    Content = 2,
    Trending = 3,
}

/// <summary>One way of putting live streams forward: a score in [0, 1] per candidate, and a reason for one.</summary>
public interface ICandidateSource
{
    RankingSource Source { get; }

    /// <summary>Writes each candidate's score, in [0, 1], to <paramref name="scores"/> (zero where the source has nothing to say).</summary>
    void Score(RankingContext context, Span<double> scores);

    /// <summary>Why this source scored candidate <paramref name="index"/>, or null.</summary>
    RecommendationReason? Explain(RankingContext context, int index);
}

/// <summary>What one ranking request gives the sources to read: the viewer, the eligible candidates, the moment.</summary>
public sealed class RankingContext(
    InterestState? user,
    IReadOnlyList<LiveCandidate> candidates,
    DateTimeOffset now,
    RankingOptions options,
    ICoWatchLookup? coWatch = null,
    IEmbeddingLookup? embeddings = null)
{
    private Dictionary<string, double>? coWatchScores;
    private Dictionary<string, (string Seed, double Share)>? coWatchSeeds;
    private double maxCreatorStrength = -1;
    private object? sourceCache;

    /// <summary>Null for an anonymous viewer.</summary>
    public InterestState? User { get; } = user;

    public IReadOnlyList<LiveCandidate> Candidates { get; } = candidates;

    public DateTimeOffset Now { get; } = now;

    public RankingOptions Options { get; } = options;

    public ICoWatchLookup? CoWatch { get; } = coWatch;

    public IEmbeddingLookup? Embeddings { get; } = embeddings;

    /// <summary>
    /// True when ranking streams like one stream rather than for a viewer (<c>/similar</c>): reasons then speak of
    /// that stream's audience, not "you".
    /// </summary>
    public bool ForStream { get; init; }

    /// <summary>The strongest decayed creator count of the viewer (zero when none), the repeat score's scale.</summary>
    internal double MaxCreatorStrength
    {
        get
        {
            if (maxCreatorStrength < 0)
            {
                maxCreatorStrength = 0;
                foreach (var creator in User?.Creators.Values ?? Enumerable.Empty<CreatorAffinity>())
                {
                    maxCreatorStrength = Math.Max(maxCreatorStrength, creator.Score.At(Now, Options.CreatorHalfLife));
                }
            }

            return maxCreatorStrength;
        }
    }

    /// <summary>A source's per-request derivative of the viewer (one per context), built on first use and reused to explain.</summary>
    internal T Cached<T>(InterestState user, Func<RankingContext, InterestState, T> build) where T : class
    {
        if (sourceCache is not T cached)
        {
            sourceCache = cached = build(this, user);
        }

        return cached;
    }

    /// <summary>Co-watch mass per creator from the viewer's strongest creators, and which seed gave each the most.</summary>
    internal (Dictionary<string, double> Scores, Dictionary<string, (string Seed, double Share)> Seeds) CoWatchMass()
    {
        if (coWatchScores is not null)
        {
            return (coWatchScores, coWatchSeeds!);
        }

        coWatchScores = new Dictionary<string, double>(StringComparer.Ordinal);
        coWatchSeeds = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        if (User is null || CoWatch is null)
        {
            return (coWatchScores, coWatchSeeds);
        }

        var seeds = CoWatchIndex.StrongestCreators(User, Now, Options.CoWatchSeeds, Options).ToList();
        var total = seeds.Sum(s => s.Strength);
        if (total <= 0)
        {
            return (coWatchScores, coWatchSeeds);
        }

        foreach (var (seed, strength) in seeds)
        {
            var weight = strength / total;
            foreach (var neighbour in CoWatch.NeighboursOf(seed))
            {
                var share = weight * neighbour.Similarity;
                coWatchScores[neighbour.CreatorId] = coWatchScores.GetValueOrDefault(neighbour.CreatorId) + share;
                if (!coWatchSeeds.TryGetValue(neighbour.CreatorId, out var best) || best.Share < share)
                {
                    coWatchSeeds[neighbour.CreatorId] = (seed, share);
                }
            }
        }

        return (coWatchScores, coWatchSeeds);
    }
}

/// <summary>Creator embeddings from a model trained offline or periodically .</summary>
public interface IEmbeddingLookup
{
    /// <summary>The creator's embedding, or null when the model has none.</summary>
    float[]? EmbeddingOf(string creatorId);
}
