using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>
/// The ranker's weights and horizons. Section <c>LSX:Discovery:Ranking</c>. The defaults were tuned offline with
/// tools/RecEval on its generated trace (docs/RECOMMENDATIONS.md).
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "LSX:Discovery:Ranking";

    /// <summary>Weight of repeat consumption (the viewer's own creators, by frequency and recency).</summary>
    [Range(0, 100)]
    public double RepeatWeight { get; set; } = 1.0;

    /// <summary>Weight of item-item collaborative filtering (creators co-watched with the viewer's).</summary>
    [Range(0, 100)]
    public double CoWatchWeight { get; set; } = 0.5;

    /// <summary>Weight of content similarity (categories, tags, title terms, embedding).</summary>
    [Range(0, 100)]
    public double ContentWeight { get; set; } = 0.3;

    /// <summary>Weight of trending (viewers and their velocity).</summary>
    [Range(0, 100)]
    public double TrendingWeight { get; set; } = 0.15;

    /// <summary>The repeat score of a followed creator never falls below this, watched or not.</summary>
    [Range(0, 1)]
    public double FollowedFloor { get; set; } = 0.8;

    /// <summary>Share of recency (against frequency) in the repeat score.</summary>
    [Range(0, 1)]
    public double RepeatRecencyShare { get; set; } = 0.3;

    /// <summary>Share of velocity (against the viewer count) in the trending score.</summary>
    [Range(0, 1)]
    public double TrendingVelocityShare { get; set; } = 0.3;

    /// <summary>Half-life of a viewer's per-creator counts.</summary>
    [Range(0.1, 24 * 365)]
    public double CreatorHalfLifeHours { get; set; } = 72;

    /// <summary>Half-life of category, tag and title-term affinities.</summary>
    [Range(0.1, 24 * 365)]
    public double InterestHalfLifeHours { get; set; } = 168;

    /// <summary>Half-life of the recency part of the repeat score.</summary>
    [Range(0.1, 24 * 365)]
    public double RecencyHalfLifeHours { get; set; } = 24;

    /// <summary>A scheduled stream starting within this many minutes is eligible.</summary>
    [Range(0, 24 * 60)]
    public int StartingSoonMinutes { get; set; } = 15;

    /// <summary>The head of the list diversity applies to (0 turns diversity off).</summary>
    [Range(0, 50)]
    public int DiversityWindow { get; set; } = 5;

    /// <summary>At most this many streams of one category in the diversity window.</summary>
    [Range(1, 50)]
    public int MaxPerCategory { get; set; } = 2;

    /// <summary>The same for a viewer the ranker knows nothing about yet.</summary>
    [Range(1, 50)]
    public int ColdStartMaxPerCategory { get; set; } = 1;

    /// <summary>How many of the viewer's strongest creators seed collaborative filtering.</summary>
    [Range(1, 500)]
    public int CoWatchSeeds { get; set; } = 20;

    /// <summary>Neighbours kept per creator in the co-watch index.</summary>
    [Range(1, 1000)]
    public int CoWatchNeighbours { get; set; } = 50;

    /// <summary>Added to the cosine's denominator so a pair seen by two viewers does not look as alike as one seen by thousands.</summary>
    [Range(0, 1000)]
    public double CoWatchShrinkage { get; set; } = 5;

    /// <summary>
    /// How much a co-watched creator's own audience discounts its similarity: 0.5 is the cosine, 0 the plain share of
    /// co-viewers (popular neighbours kept ahead), 1 discounts popularity fully.
    /// </summary>
    [Range(0, 1)]
    public double CoWatchPopularityDamping { get; set; } = 0.25;

    /// <summary>Creators kept per viewer; the weakest are dropped beyond it.</summary>
    [Range(1, 10_000)]
    public int MaxCreatorsPerViewer { get; set; } = 200;

    /// <summary>Tags and title terms kept per viewer each; the weakest are dropped beyond it.</summary>
    [Range(1, 10_000)]
    public int MaxTermsPerViewer { get; set; } = 100;

    /// <summary>What a joined stream adds to the creator's count.</summary>
    [Range(0, 100)]
    public double WatchStartedWeight { get; set; } = 1;

    /// <summary>What a minute of visible watch time adds.</summary>
    [Range(0, 100)]
    public double WatchedMinuteWeight { get; set; } = 0.02;

    /// <summary>What one signal's watch time may add at most, so one endless session does not outweigh habits.</summary>
    [Range(0, 100)]
    public double WatchedCap { get; set; } = 2;

    [Range(0, 100)]
    public double ChatWeight { get; set; } = 0.1;

    /// <summary>What a gift adds, whatever its size.</summary>
    [Range(0, 100)]
    public double GiftWeight { get; set; } = 0.5;

    [Range(0, 100)]
    public double ReactionWeight { get; set; } = 0.02;

    [Range(0, 100)]
    public double FollowWeight { get; set; } = 2;

    /// <summary>How far each watched creator's embedding moves the viewer's (an exponential moving mean).</summary>
    [Range(0, 1)]
    public double EmbeddingRate { get; set; } = 0.2;

    internal TimeSpan CreatorHalfLife => TimeSpan.FromHours(CreatorHalfLifeHours);

    internal TimeSpan InterestHalfLife => TimeSpan.FromHours(InterestHalfLifeHours);

    internal TimeSpan RecencyHalfLife => TimeSpan.FromHours(RecencyHalfLifeHours);

    /// <summary>A copy, for evaluating variants side by side.</summary>
    public RankingOptions Clone() => (RankingOptions)MemberwiseClone();
}
