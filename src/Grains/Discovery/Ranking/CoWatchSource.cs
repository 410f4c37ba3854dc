using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>
/// Item-item collaborative filtering: the co-watch similarity of each candidate's creator to the viewer's strongest
/// creators, weighted by how much the viewer watches each, scaled so the best candidate scores one.
/// </summary>
public sealed class CoWatchSource : ICandidateSource
{
    public static readonly CoWatchSource Instance = new();

    public RankingSource Source => RankingSource.CoWatch;

    public void Score(RankingContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (mass, _) = context.CoWatchMass();
        if (mass.Count == 0)
        {
            return;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = mass.GetValueOrDefault(context.Candidates[i].CreatorId);
        }

        Scale.ToUnitMax(scores);
    }

    public RecommendationReason? Explain(RankingContext context, int index)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (_, seeds) = context.CoWatchMass();
        if (context.User is null || !seeds.TryGetValue(context.Candidates[index].CreatorId, out var best))
        {
            return null;
        }

        var handle = context.User.Creators.TryGetValue(best.Seed, out var seed) ? seed.Handle : best.Seed;
        var text = context.ForStream ? $"Viewers of {handle} also watch" : $"Because you watched {handle}";
        return new RecommendationReason(RecommendationReasonKind.CoWatched, text, best.Seed);
    }
}

/// <summary>Score scaling shared by the sources.</summary>
internal static class Scale
{
    /// <summary>Divides by the largest score so the best candidate scores one; leaves all-zero scores alone.</summary>
    public static void ToUnitMax(Span<double> scores)
    {
        var max = 0.0;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        if (max <= 0)
        {
            return;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Max(0, scores[i]) / max;
        }
    }
}
