using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>
/// The hybrid "For you" ranker: keeps only eligible streams (live now or starting within minutes), blends the four
/// candidate sources with the options' weights, spreads categories over the head of the list and explains each pick.
/// Pure and allocation-light, so a grain ranks on every page view; one instance serves any number of requests.
/// </summary>
public sealed class Ranker(RankingOptions options)
{
    private static readonly ICandidateSource[] Sources = [RepeatSource.Instance, CoWatchSource.Instance, ContentSource.Instance, TrendingSource.Instance];

    /// <summary>The weights and horizons this ranker uses.</summary>
    public RankingOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Whether <paramref name="candidate"/> may be recommended at <paramref name="now"/>.</summary>
    public bool IsEligible(LiveCandidate candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.LiveSince is { } since
            ? since <= now
            : candidate.StartsAt is { } starts && starts >= now && starts - now <= TimeSpan.FromMinutes(Options.StartingSoonMinutes);
    }

    /// <summary>The viewer's ranked streams, at most <see cref="RankingRequest.Limit"/>.</summary>
    public IReadOnlyList<Recommendation> Rank(RankingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit);
        var eligible = Eligible(request.Live, request.Now, request.ExcludeStreamId);
        var cold = InterestModel.IsCold(request.User);
        var context = new RankingContext(request.User, eligible, request.Now, Options, request.CoWatch, request.Embeddings);
        var weights = cold
            ? (stackalloc double[] { 0, 0, 0, Options.TrendingWeight > 0 ? 1 : 0 })
            : (stackalloc double[] { Options.RepeatWeight, Options.CoWatchWeight, Options.ContentWeight, Options.TrendingWeight });
        return Blend(context, weights, request.Limit, request.ScoredOnly, cold ? Options.ColdStartMaxPerCategory : Options.MaxPerCategory, request.Explain);
    }

    /// <summary>
    /// Live streams like <paramref name="stream"/>: co-watched with its creator, then sharing its category, tags or
    /// title terms, with a little popularity; never <paramref name="stream"/> itself.
    /// </summary>
    public IReadOnlyList<Recommendation> Similar(LiveCandidate stream, IReadOnlyList<LiveCandidate> live, DateTimeOffset now, int limit, ICoWatchLookup? coWatch = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        // The stream seen as a viewer who watched only it: the same sources then rank by likeness to it.
        var likeness = new InterestState();
        InterestModel.Apply(
            likeness,
            new InterestSignal(InterestSignalKind.WatchStarted, stream.CreatorId, stream.CreatorHandle, stream.StreamId, stream.Category, stream.Tags, stream.TitleTerms, 1, now),
            Options);
        var eligible = Eligible(live, now, stream.StreamId).Where(c => c.CreatorId != stream.CreatorId).ToArray();
        var context = new RankingContext(likeness, eligible, now, Options, coWatch) { ForStream = true };
        ReadOnlySpan<double> weights = [0, Options.CoWatchWeight, Options.ContentWeight, Options.TrendingWeight];
        return Blend(context, weights, limit, scoredOnly: false, Options.MaxPerCategory, explain: true);
    }

    private LiveCandidate[] Eligible(IReadOnlyList<LiveCandidate> live, DateTimeOffset now, string? exclude)
    {
        ArgumentNullException.ThrowIfNull(live);
        var eligible = new List<LiveCandidate>(live.Count);
        foreach (var candidate in live)
        {
            if (candidate is not null && IsEligible(candidate, now) && candidate.StreamId != exclude)
            {
                eligible.Add(candidate);
            }
        }

        return [.. eligible];
    }

    private IReadOnlyList<Recommendation> Blend(RankingContext context, ReadOnlySpan<double> weights, int limit, bool scoredOnly, int maxPerCategory, bool explain)
    {
        var candidates = context.Candidates;
        var n = candidates.Count;
        if (n == 0 || limit == 0)
        {
            return [];
        }

        var perSource = new double[Sources.Length][];
        var total = new double[n];
        for (var s = 0; s < Sources.Length; s++)
        {
            if (weights[s] <= 0)
            {
                continue;
            }

            var scores = perSource[s] = new double[n];
            Sources[s].Score(context, scores);
            for (var i = 0; i < n; i++)
            {
                total[i] += weights[s] * scores[i];
            }
        }

        var byRank = new ByRank(total, candidates);

        // Only the head is needed in order: select it (n log k) instead of sorting all the live streams, unless the
        // diversity pass has to look deeper than the selection reaches.
        var depth = (int)Math.Min(n, (long)limit + (Math.Max(0, Options.DiversityWindow) * 4));
        var order = Top(byRank, n, scoredOnly, depth);
        var ranked = Diversify(order, candidates, Options.DiversityWindow, maxPerCategory, out var exhausted);
        if (exhausted && order.Count == depth)
        {
            order = Top(byRank, n, scoredOnly, int.MaxValue);
            ranked = Diversify(order, candidates, Options.DiversityWindow, maxPerCategory, out _);
        }

        var count = Math.Min(limit, ranked.Count);
        var result = new Recommendation[count];
        for (var r = 0; r < count; r++)
        {
            var i = ranked[r];
            result[r] = new Recommendation(candidates[i], total[i], explain ? Explain(context, weights, perSource, i) : []);
        }

        return result;
    }

    // At most maxPerCategory of one category in the first `window` places; the streams held back keep their order
    // right after it. When too few categories are live to fill the window, the held-back streams fill it.
    // `exhausted` says the pass read the whole of `order` without filling the window.
    private static List<int> Diversify(List<int> order, IReadOnlyList<LiveCandidate> candidates, int window, int maxPerCategory, out bool exhausted)
    {
        exhausted = false;
        if (window <= 0 || order.Count <= 1)
        {
            return order;
        }

        var head = new List<int>(window);
        var heldBack = new List<int>();
        var perCategory = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var next = 0;
        for (; next < order.Count && head.Count < window; next++)
        {
            var category = candidates[order[next]].Category;
            var seen = string.IsNullOrEmpty(category) ? 0 : perCategory.GetValueOrDefault(category);
            if (seen < maxPerCategory)
            {
                head.Add(order[next]);
                if (!string.IsNullOrEmpty(category))
                {
                    perCategory[category] = seen + 1;
                }
            }
            else
            {
                heldBack.Add(order[next]);
            }
        }

        exhausted = head.Count < window && heldBack.Count > 0;
        var filler = 0;
        while (head.Count < window && filler < heldBack.Count)
        {
            head.Add(heldBack[filler++]);
        }

        var result = new List<int>(order.Count);
        result.AddRange(head);
        result.AddRange(heldBack.Skip(filler));
        result.AddRange(order.Skip(next));
        return result;
    }

    // The best `depth` candidates in rank order (all when depth >= n), without those scoring nothing if scoredOnly.
    private static List<int> Top(ByRank byRank, int n, bool scoredOnly, int depth)
    {
        if (depth >= n)
        {
            var all = new List<int>(n);
            for (var i = 0; i < n; i++)
            {
                if (!scoredOnly || byRank.Total[i] > 0)
                {
                    all.Add(i);
                }
            }

            all.Sort(byRank);
            return all;
        }

        // A heap of the best so far with the worst of them on top.
        var worstFirst = Comparer<int>.Create((a, b) => byRank.Compare(b, a));
        var heap = new PriorityQueue<int, int>(depth + 1, worstFirst);
        for (var i = 0; i < n; i++)
        {
            if (scoredOnly && byRank.Total[i] <= 0)
            {
                continue;
            }

            if (heap.Count < depth)
            {
                heap.Enqueue(i, i);
            }
            else if (byRank.Compare(i, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(i, i);
            }
        }

        var top = new List<int>(heap.Count);
        while (heap.TryDequeue(out var i, out _))
        {
            top.Add(i);
        }

        top.Reverse();
        return top;
    }

    // Higher score first, then more viewers, then stream id: a total order, so equal inputs rank alike everywhere.
    private sealed class ByRank(double[] total, IReadOnlyList<LiveCandidate> candidates) : IComparer<int>
    {
        public double[] Total { get; } = total;

        public int Compare(int a, int b)
        {
            var byScore = Total[b].CompareTo(Total[a]);
            if (byScore != 0)
            {
                return byScore;
            }

            var byViewers = candidates[b].Viewers.CompareTo(candidates[a].Viewers);
            return byViewers != 0 ? byViewers : string.CompareOrdinal(candidates[a].StreamId, candidates[b].StreamId);
        }
    }

    // Reasons from the sources that weighed most in this stream's score, strongest first; "Followed" always leads.
    private static RecommendationReason[] Explain(RankingContext context, ReadOnlySpan<double> weights, double[][] perSource, int index)
    {
        Span<(double Contribution, int Source)> contributions = stackalloc (double, int)[Sources.Length];
        var count = 0;
        for (var s = 0; s < Sources.Length; s++)
        {
            var contribution = perSource[s] is { } scores ? weights[s] * scores[index] : 0;
            if (contribution > 0)
            {
                contributions[count++] = (contribution, s);
            }
        }

        contributions[..count].Sort((a, b) => b.Contribution.CompareTo(a.Contribution));
        var reasons = new List<RecommendationReason>(count);
        for (var k = 0; k < count; k++)
        {
            if (Sources[contributions[k].Source].Explain(context, index) is { } reason)
            {
                reasons.Add(reason);
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(TrendingSource.Instance.Explain(context, index)!);
        }

        reasons.Sort((a, b) => (b.Kind == RecommendationReasonKind.Followed).CompareTo(a.Kind == RecommendationReasonKind.Followed));
        return [.. reasons];
    }
}
