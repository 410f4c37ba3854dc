using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>
/// Trending: current viewers (log-scaled against the busiest candidate) blended with growth (viewer velocity relative
/// to the audience, against the fastest-growing). The cold-start ranking and a small part of everyone's.
/// </summary>
public sealed class TrendingSource : ICandidateSource
{
    // Keeps a stream going from 1 to 3 viewers from outgrowing one going from 1,000 to 1,200.
    private const double VelocityDamping = 20;

    public static readonly TrendingSource Instance = new();

    public RankingSource Source => RankingSource.Trending;

    public void Score(RankingContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidates = context.Candidates;
        double maxAudience = 0, maxGrowth = 0;
        foreach (var candidate in candidates)
        {
            maxAudience = Math.Max(maxAudience, Math.Log(1 + Math.Max(0, candidate.Viewers)));
            maxGrowth = Math.Max(maxGrowth, Growth(candidate));
        }

        var velocityShare = maxGrowth > 0 ? context.Options.TrendingVelocityShare : 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var audience = maxAudience > 0 ? Math.Log(1 + Math.Max(0, candidates[i].Viewers)) / maxAudience : 0;
            var growth = maxGrowth > 0 ? Growth(candidates[i]) / maxGrowth : 0;
            scores[i] = (1 - velocityShare) * audience + velocityShare * growth;
        }
    }

    public RecommendationReason? Explain(RankingContext context, int index)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidate = context.Candidates[index];
        if (candidate.LiveSince is null || candidate.LiveSince > context.Now)
        {
            return new RecommendationReason(RecommendationReasonKind.StartingSoon, "Starting soon", null);
        }

        return string.IsNullOrEmpty(candidate.Category)
            ? new RecommendationReason(RecommendationReasonKind.Trending, "Trending now", null)
            : new RecommendationReason(RecommendationReasonKind.Trending, $"Popular in {candidate.Category}", candidate.Category);
    }

    private static double Growth(LiveCandidate candidate) =>
        Math.Max(0, candidate.ViewerVelocity) / (Math.Max(0, candidate.Viewers) + VelocityDamping);
}
