using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>
/// Repeat consumption: the viewer's own creators, by decayed frequency (against their strongest creator) and
/// recency of the last session; followed creators score at least <see cref="RankingOptions.FollowedFloor"/>.
/// </summary>
public sealed class RepeatSource : ICandidateSource
{
    public static readonly RepeatSource Instance = new();

    public RankingSource Source => RankingSource.Repeat;

    public void Score(RankingContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user is null)
        {
            return;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = ScoreOf(context, user, context.Candidates[i].CreatorId);
        }
    }

    public RecommendationReason? Explain(RankingContext context, int index)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidate = context.Candidates[index];
        var user = context.User;
        if (user is null)
        {
            return null;
        }

        if (user.Followed.Contains(candidate.CreatorId))
        {
            return new RecommendationReason(RecommendationReasonKind.Followed, "Followed", candidate.CreatorId);
        }

        if (!user.Creators.TryGetValue(candidate.CreatorId, out var creator))
        {
            return null;
        }

        var text = creator.Sessions >= 3 ? $"You often watch {creator.Handle}" : $"You watched {creator.Handle} recently";
        return new RecommendationReason(RecommendationReasonKind.WatchedBefore, text, candidate.CreatorId);
    }

    private static double ScoreOf(RankingContext context, InterestState user, string creatorId)
    {
        var options = context.Options;
        var followed = user.Followed.Contains(creatorId) ? options.FollowedFloor : 0;
        if (!user.Creators.TryGetValue(creatorId, out var creator))
        {
            return followed;
        }

        var max = context.MaxCreatorStrength;
        var frequency = max > 0 ? creator.Score.At(context.Now, options.CreatorHalfLife) / max : 0;
        var recency = creator.Sessions > 0
            ? Math.Exp(-Math.Log(2) * Math.Max(0, (context.Now - creator.LastWatch) / options.RecencyHalfLife))
            : 0;
        var score = (1 - options.RepeatRecencyShare) * frequency + options.RepeatRecencyShare * recency;
        return Math.Clamp(Math.Max(score, followed), 0, 1);
    }
}
