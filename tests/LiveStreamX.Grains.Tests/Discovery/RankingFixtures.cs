using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;

namespace LiveStreamX.Grains.Tests.Discovery;

/// <summary>Hand-made histories and live line-ups for the ranking tests.</summary>
internal static class RankingFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    public static LiveCandidate Live(string creator, string category = "Just Chatting", int viewers = 100, double velocity = 0, string[]? tags = null, string? title = null) =>
        new($"s-{creator}", creator, $"@{creator}", title ?? $"{creator} live", category, tags ?? [], TitleTerms.Extract(title), viewers, velocity, Now.AddHours(-1), null);

    public static LiveCandidate Scheduled(string creator, TimeSpan startsIn, string category = "Music") =>
        new($"s-{creator}", creator, $"@{creator}", $"{creator} soon", category, [], [], 0, 0, null, Now + startsIn);

    public static InterestSignal Watch(string creator, DateTimeOffset at, string category = "Just Chatting", string[]? tags = null, string? title = null) =>
        new(InterestSignalKind.WatchStarted, creator, $"@{creator}", $"s-{creator}", category, tags ?? [], TitleTerms.Extract(title), 1, at);

    public static InterestSignal Signal(InterestSignalKind kind, string creator, DateTimeOffset at, double amount = 1) =>
        new(kind, creator, $"@{creator}", $"s-{creator}", "Just Chatting", [], [], amount, at);

    /// <summary>A viewer state built from signals, in order.</summary>
    public static InterestState History(RankingOptions options, params InterestSignal[] signals)
    {
        var state = new InterestState();
        foreach (var signal in signals)
        {
            InterestModel.Apply(state, signal, options);
        }

        return state;
    }

    /// <summary>Options with one source only and no diversity, to test that source on its own.</summary>
    public static RankingOptions Only(RankingSource source) => new()
    {
        RepeatWeight = source == RankingSource.Repeat ? 1 : 0,
        CoWatchWeight = source == RankingSource.CoWatch ? 1 : 0,
        ContentWeight = source == RankingSource.Content ? 1 : 0,
        TrendingWeight = source == RankingSource.Trending ? 1 : 0,
        DiversityWindow = 0,
    };

    public static string[] Creators(this IReadOnlyList<Recommendation> ranked) => [.. ranked.Select(r => r.Stream.CreatorId)];
}
