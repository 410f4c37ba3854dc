using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>One "For you" request: who (null for anonymous), what is live, when, how many.</summary>
public sealed record RankingRequest(InterestState? User, IReadOnlyList<LiveCandidate> Live, DateTimeOffset Now, int Limit)
{
    /// <summary>The co-watch index collaborative filtering reads; without it that source is silent.</summary>
    public ICoWatchLookup? CoWatch { get; init; }

    /// <summary>Creator embeddings for the content source; optional.</summary>
    public IEmbeddingLookup? Embeddings { get; init; }

    /// <summary>A stream never to recommend (the one being watched).</summary>
    public string? ExcludeStreamId { get; init; }

    /// <summary>
    /// Leaves out candidates no source scored above zero instead of ranking them last, so a single source is
    /// measured for what it knows (RecEval's "source alone" rows).
    /// </summary>
    public bool ScoredOnly { get; init; }

    /// <summary>False leaves <see cref="Recommendation.Reasons"/> empty, for replays that only need the order.</summary>
    public bool Explain { get; init; } = true;
}
