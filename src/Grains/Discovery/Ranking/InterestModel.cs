using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>How signals change a viewer's <see cref="InterestState"/>: the one place that writes it.</summary>
public static class InterestModel
{
    /// <summary>
    /// Applies <paramref name="signal"/> to <paramref name="state"/> in place. <paramref name="creatorEmbedding"/>,
    /// when a model has one for the signal's creator, pulls the viewer's embedding towards it on a new session.
    /// </summary>
    public static void Apply(InterestState state, InterestSignal signal, RankingOptions options, float[]? creatorEmbedding = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(signal.CreatorId))
        {
            return;
        }

        var at = signal.At;
        switch (signal.Kind)
        {
            case InterestSignalKind.Follow:
                state.Followed.Add(signal.CreatorId);
                break;
            case InterestSignalKind.Unfollow:
                state.Followed.Remove(signal.CreatorId);
                break;
        }

        var weight = Weight(signal, options);
        if (weight > 0)
        {
            var isSession = signal.Kind == InterestSignalKind.WatchStarted;
            var handle = string.IsNullOrEmpty(signal.CreatorHandle) ? signal.CreatorId : signal.CreatorHandle;
            var creator = state.Creators.TryGetValue(signal.CreatorId, out var known)
                ? known with
                {
                    Handle = handle,
                    Score = known.Score.Add(weight, at, options.CreatorHalfLife),
                    Sessions = known.Sessions + (isSession ? 1 : 0),
                    LastWatch = isSession && at > known.LastWatch ? at : known.LastWatch,
                    Minutes = known.Minutes + (signal.Kind == InterestSignalKind.Watched ? Math.Max(0, signal.Amount) : 0),
                }
                : new CreatorAffinity(
                    handle,
                    new DecayedCount(weight, at),
                    isSession ? 1 : 0,
                    isSession ? at : DateTimeOffset.MinValue,
                    signal.Kind == InterestSignalKind.Watched ? Math.Max(0, signal.Amount) : 0);
            state.Creators[signal.CreatorId] = creator;

            var interest = options.InterestHalfLife;
            if (!string.IsNullOrEmpty(signal.Category))
            {
                Add(state.Categories, signal.Category, weight, at, interest);
            }

            foreach (var tag in signal.Tags ?? [])
            {
                Add(state.Tags, tag, weight, at, interest);
            }

            foreach (var term in signal.TitleTerms ?? [])
            {
                Add(state.TitleTerms, term, weight, at, interest);
            }

            if (isSession && creatorEmbedding is { Length: > 0 })
            {
                state.Embedding = MoveTowards(state.Embedding, creatorEmbedding, options.EmbeddingRate);
            }

            Prune(state.Creators, options.MaxCreatorsPerViewer, c => c.Score.At(at, options.CreatorHalfLife));
            Prune(state.Tags, options.MaxTermsPerViewer, c => c.At(at, interest));
            Prune(state.TitleTerms, options.MaxTermsPerViewer, c => c.At(at, interest));
        }

        state.SignalCount++;
        if (at > state.UpdatedAt)
        {
            state.UpdatedAt = at;
        }
    }

    /// <summary>True while the ranker knows nothing about the viewer's tastes: they get cold-start trending.</summary>
    public static bool IsCold(InterestState? state) =>
        state is null || (state.Creators.Count == 0 && state.Categories.Count == 0 && state.Followed.Count == 0);

    private static double Weight(InterestSignal signal, RankingOptions options) => signal.Kind switch
    {
        InterestSignalKind.WatchStarted => options.WatchStartedWeight,
        InterestSignalKind.Watched => Math.Min(options.WatchedCap, Math.Max(0, signal.Amount) * options.WatchedMinuteWeight),
        InterestSignalKind.Chat => options.ChatWeight * Math.Clamp(signal.Amount, 1, 10),
        InterestSignalKind.Gift => options.GiftWeight,
        InterestSignalKind.Reaction => options.ReactionWeight * Math.Clamp(signal.Amount, 1, 10),
        InterestSignalKind.Follow => options.FollowWeight,
        _ => 0,
    };

    private static void Add(Dictionary<string, DecayedCount> counts, string key, double weight, DateTimeOffset at, TimeSpan halfLife) =>
        counts[key] = counts.TryGetValue(key, out var count) ? count.Add(weight, at, halfLife) : new DecayedCount(weight, at);

    private static float[] MoveTowards(float[] current, float[] target, double rate)
    {
        if (current.Length != target.Length)
        {
            return (float[])target.Clone();
        }

        var next = new float[current.Length];
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = (float)((1 - rate) * current[i] + rate * target[i]);
        }

        return next;
    }

    // Prunes in batches (a quarter over the limit) so a viewer at the limit does not sort on every signal.
    private static void Prune<T>(Dictionary<string, T> entries, int limit, Func<T, double> strength)
    {
        if (entries.Count <= limit + Math.Max(1, limit / 4))
        {
            return;
        }

        foreach (var weakest in entries.OrderBy(e => strength(e.Value)).Take(entries.Count - limit).Select(e => e.Key).ToList())
        {
            entries.Remove(weakest);
        }
    }
}
