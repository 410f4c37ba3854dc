using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>
/// Content similarity: how much the viewer likes the candidate's category, tags and title terms (each against the
/// viewer's strongest), plus the cosine of the viewer's and the creator's embeddings when a model gives them (the
/// viewer's folded in from their creators), scaled so the best candidate scores one.
/// </summary>
public sealed class ContentSource : ICandidateSource
{
    private const double CategoryShare = 0.5;
    private const double TagShare = 0.2;
    private const double TermShare = 0.1;
    private const double EmbeddingShare = 0.2;

    public static readonly ContentSource Instance = new();

    public RankingSource Source => RankingSource.Content;

    public void Score(RankingContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user is null || (user.Categories.Count == 0 && user.Tags.Count == 0 && user.TitleTerms.Count == 0 && (context.Embeddings is null || user.Creators.Count == 0)))
        {
            return;
        }

        var profile = context.Cached(user, static (c, u) => new Profile(c, u));
        for (var i = 0; i < scores.Length; i++)
        {
            var parts = profile.Parts(context.Candidates[i]);
            scores[i] = CategoryShare * parts.Category + TagShare * parts.Tag + TermShare * parts.Term + EmbeddingShare * parts.Embedding;
        }

        Scale.ToUnitMax(scores);
    }

    public RecommendationReason? Explain(RankingContext context, int index)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user is null)
        {
            return null;
        }

        var candidate = context.Candidates[index];
        var parts = context.Cached(user, static (c, u) => new Profile(c, u)).Parts(candidate);
        var you = context.ForStream ? "Also" : "Because you like";
        if (parts.Category > 0 && CategoryShare * parts.Category >= TagShare * parts.Tag && CategoryShare * parts.Category >= TermShare * parts.Term)
        {
            return new RecommendationReason(RecommendationReasonKind.MatchesInterests, $"{you} {candidate.Category}", candidate.Category);
        }

        if (parts.Tag > 0 && parts.BestTag is { } tag && TagShare * parts.Tag >= TermShare * parts.Term)
        {
            return new RecommendationReason(RecommendationReasonKind.MatchesInterests, $"{you} #{tag}", tag);
        }

        if (parts.Term > 0 && parts.BestTerm is { } term)
        {
            return new RecommendationReason(RecommendationReasonKind.MatchesInterests, $"{you} \"{term}\"", term);
        }

        return parts.Embedding > 0
            ? new RecommendationReason(RecommendationReasonKind.MatchesInterests, context.ForStream ? "Similar audience" : "Matches what you watch", null)
            : null;
    }

    // The viewer's affinities at this moment, each against its strongest, computed once per request.
    private sealed class Profile
    {
        private readonly Dictionary<string, double> categories;
        private readonly Dictionary<string, double> tags;
        private readonly Dictionary<string, double> terms;
        private readonly float[] embedding;
        private readonly IEmbeddingLookup? embeddings;

        public Profile(RankingContext context, InterestState user)
        {
            var halfLife = context.Options.InterestHalfLife;
            categories = Normalized(user.Categories, context.Now, halfLife);
            tags = Normalized(user.Tags, context.Now, halfLife);
            terms = Normalized(user.TitleTerms, context.Now, halfLife);
            embeddings = context.Embeddings;
            embedding = embeddings is null ? [] : ImplicitFactorization.FoldIn(user, embeddings, context.Now, context.Options);
        }

        public (double Category, double Tag, string? BestTag, double Term, string? BestTerm, double Embedding) Parts(LiveCandidate candidate)
        {
            var category = string.IsNullOrEmpty(candidate.Category) ? 0 : categories.GetValueOrDefault(candidate.Category);
            var (tag, bestTag) = Best(tags, candidate.Tags);
            var (term, bestTerm) = Best(terms, candidate.TitleTerms);
            var cosine = 0.0;
            if (embedding.Length > 0 && embeddings?.EmbeddingOf(candidate.CreatorId) is { } theirs && theirs.Length == embedding.Length)
            {
                cosine = Math.Max(0, Cosine(embedding, theirs));
            }

            return (category, tag, bestTag, term, bestTerm, cosine);
        }

        private static (double Score, string? Best) Best(Dictionary<string, double> affinities, string[]? keys)
        {
            double best = 0;
            string? which = null;
            foreach (var key in keys ?? [])
            {
                var value = affinities.GetValueOrDefault(key);
                if (value > best)
                {
                    best = value;
                    which = key;
                }
            }

            return (best, which);
        }

        private static Dictionary<string, double> Normalized(Dictionary<string, DecayedCount> counts, DateTimeOffset now, TimeSpan halfLife)
        {
            var result = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
            var max = 0.0;
            foreach (var (key, count) in counts)
            {
                var value = count.At(now, halfLife);
                result[key] = value;
                max = Math.Max(max, value);
            }

            if (max > 0)
            {
                foreach (var key in counts.Keys)
                {
                    result[key] /= max;
                }
            }

            return result;
        }

        private static double Cosine(float[] a, float[] b)
        {
            double dot = 0, na = 0, nb = 0;
            for (var i = 0; i < a.Length; i++)
            {
                dot += a[i] * b[i];
                na += a[i] * a[i];
                nb += b[i] * b[i];
            }

            return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
        }
    }
}
