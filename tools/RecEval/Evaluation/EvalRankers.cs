using LiveStreamX.Grains.Discovery.Ranking;

namespace LiveStreamX.RecEval.Evaluation;

/// <summary>A ranking method under evaluation: where it puts the watched streamer among those live (1-based; 0 = not ranked).</summary>
internal interface IEvalRanker
{
    string Name { get; }

    int RankOf(EvalUser user, string streamer, LiveSnapshot live);
}

/// <summary>POP: most viewers right now (the paper's most-popular-now baseline); every live streamer is ranked.</summary>
internal sealed class PopularRanker : IEvalRanker
{
    public string Name => "POP";

    public int RankOf(EvalUser user, string streamer, LiveSnapshot live)
    {
        if (!live.IndexOf.TryGetValue(streamer, out var target))
        {
            return 0;
        }

        var viewers = live.Candidates[target].Viewers;
        var rank = 1;
        foreach (var c in live.Candidates)
        {
            if (c.Viewers > viewers || (c.Viewers == viewers && string.CompareOrdinal(c.CreatorId, streamer) < 0))
            {
                rank++;
            }
        }

        return rank;
    }
}

/// <summary>
/// REP: live streamers the user watched before, by how many sessions, then how recently (the paper's repeat
/// baseline); a streamer never watched is not ranked, so REP scores zero on new-streamer consumption.
/// </summary>
internal sealed class RepeatRanker : IEvalRanker
{
    public string Name => "REP";

    public int RankOf(EvalUser user, string streamer, LiveSnapshot live)
    {
        if (!live.IndexOf.ContainsKey(streamer) || !user.History.TryGetValue(streamer, out var mine))
        {
            return 0;
        }

        var rank = 1;
        foreach (var c in live.Candidates)
        {
            if (c.CreatorId != streamer && user.History.TryGetValue(c.CreatorId, out var theirs) &&
                (theirs.Sessions > mine.Sessions || (theirs.Sessions == mine.Sessions && (theirs.LastTick > mine.LastTick ||
                    (theirs.LastTick == mine.LastTick && string.CompareOrdinal(c.CreatorId, streamer) < 0)))))
            {
                rank++;
            }
        }

        return rank;
    }
}

/// <summary>The product's ranker (src/Grains/Discovery/Ranking) with some options: the hybrid, or one source alone.</summary>
internal sealed class LibraryRanker(string name, RankingOptions options, bool scoredOnly) : IEvalRanker
{
    private readonly Ranker ranker = new(options);

    public string Name => name;

    public RankingOptions Options => ranker.Options;

    public int RankOf(EvalUser user, string streamer, LiveSnapshot live)
    {
        var ranked = ranker.Rank(new RankingRequest(user.Interest, live.Candidates, live.Now, live.Candidates.Length)
        {
            CoWatch = live.CoWatch,
            Embeddings = live.Embeddings,
            ScoredOnly = scoredOnly,
            Explain = false,
        });
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].Stream.CreatorId == streamer)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The hybrid and each of its sources alone (no diversity, only what the source scores).</summary>
    public static IEnumerable<LibraryRanker> HybridAndSources(RankingOptions hybrid)
    {
        yield return new LibraryRanker("Hybrid", hybrid, scoredOnly: false);
        foreach (var source in Enum.GetValues<RankingSource>())
        {
            var alone = hybrid.Clone();
            alone.RepeatWeight = source == RankingSource.Repeat ? 1 : 0;
            alone.CoWatchWeight = source == RankingSource.CoWatch ? 1 : 0;
            alone.ContentWeight = source == RankingSource.Content ? 1 : 0;
            alone.TrendingWeight = source == RankingSource.Trending ? 1 : 0;
            alone.DiversityWindow = 0;
            yield return new LibraryRanker($"{source} alone", alone, scoredOnly: true);
        }
    }
}

/// <summary>
/// MF-BPR: the creators' factors and biases from the last daily retraining, the user folded in from their creators;
/// ranks every live streamer the model knows (the paper's MF-BPR baseline, with fold-in instead of trained user factors).
/// </summary>
internal sealed class FactorizationRanker(RankingOptions options) : IEvalRanker
{
    public string Name => "MF-BPR";

    public int RankOf(EvalUser user, string streamer, LiveSnapshot live)
    {
        if (live.Embeddings is not { } model || model.EmbeddingOf(streamer) is null)
        {
            return 0;
        }

        var vector = ImplicitFactorization.FoldIn(user.Interest, model, live.Now, options);
        double Score(string creator)
        {
            var theirs = model.EmbeddingOf(creator)!;
            var score = (double)model.BiasOf(creator);
            for (var f = 0; f < vector.Length && f < theirs.Length; f++)
            {
                score += vector[f] * theirs[f];
            }

            return score;
        }

        var target = Score(streamer);
        var rank = 1;
        foreach (var c in live.Candidates)
        {
            if (c.CreatorId != streamer && model.EmbeddingOf(c.CreatorId) is not null)
            {
                var s = Score(c.CreatorId);
                if (s > target || (s == target && string.CompareOrdinal(c.CreatorId, streamer) < 0))
                {
                    rank++;
                }
            }
        }

        return rank;
    }
}
