using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using static LiveStreamX.Grains.Tests.Discovery.RankingFixtures;

namespace LiveStreamX.Grains.Tests.Discovery;

public sealed class RepeatSourceTests
{
    private readonly RankingOptions options = new();

    private InterestState Regular() => History(
        options,
        Watch("ada", Now.AddDays(-6)),
        Watch("ada", Now.AddDays(-4)),
        Watch("ada", Now.AddDays(-2)),
        Watch("ada", Now.AddDays(-1)),
        Watch("bob", Now.AddDays(-3)));

    [Fact]
    public void AViewerWhoAlwaysReturnsToOneCreatorGetsItFirstWhenLive()
    {
        var live = new[] { Live("zed", viewers: 5000, velocity: 50), Live("bob", viewers: 10), Live("ada", viewers: 3), Live("cat", viewers: 900) };

        var ranked = new Ranker(options).Rank(new RankingRequest(Regular(), live, Now, 10));

        Assert.Equal("ada", ranked[0].Stream.CreatorId);
        Assert.Equal(RecommendationReasonKind.WatchedBefore, ranked[0].Reasons[0].Kind);
        Assert.Equal("You often watch @ada", ranked[0].Reasons[0].Text);
    }

    [Fact]
    public void ACreatorWhoIsOfflineIsNeverRecommendedHoweverOftenWatched()
    {
        var live = new[] { Live("zed"), Live("bob"), Live("cat") };

        var ranked = new Ranker(options).Rank(new RankingRequest(Regular(), live, Now, 10));

        Assert.DoesNotContain("ada", ranked.Creators());
        Assert.Equal("bob", ranked[0].Stream.CreatorId);
    }

    [Fact]
    public void AStreamThatEndedOrStartsLaterThanTheWindowIsNotEligible()
    {
        var ranker = new Ranker(options);
        var live = new[]
        {
            Scheduled("ada", TimeSpan.FromMinutes(options.StartingSoonMinutes + 30)),
            Scheduled("bob", TimeSpan.FromMinutes(5), "Just Chatting"),
            Live("cat"),
        };

        var ranked = ranker.Rank(new RankingRequest(Regular(), live, Now, 10));

        Assert.Equal(["bob", "cat"], ranked.Creators());
        Assert.Contains(ranked[0].Reasons, r => r.Kind == RecommendationReasonKind.WatchedBefore);
    }

    [Fact]
    public void RepeatAloneRanksByFrequencyThenRecencyAndLeavesOutCreatorsNeverWatched()
    {
        var state = History(options, Watch("old", Now.AddDays(-5)), Watch("old", Now.AddDays(-5)), Watch("new", Now.AddHours(-2)), Watch("often", Now.AddDays(-1)), Watch("often", Now.AddDays(-1)), Watch("often", Now.AddHours(-3)));
        var live = new[] { Live("old"), Live("new"), Live("often"), Live("stranger", viewers: 10_000) };

        var ranked = new Ranker(Only(RankingSource.Repeat)).Rank(new RankingRequest(state, live, Now, 10) { ScoredOnly = true });

        Assert.Equal(["often", "new", "old"], ranked.Creators());
    }

    [Fact]
    public void AFollowedCreatorLeadsWithTheFollowedReasonEvenIfNeverWatched()
    {
        var state = History(options, Watch("ada", Now.AddHours(-1)), Signal(InterestSignalKind.Follow, "fay", Now.AddMinutes(-5)));
        var live = new[] { Live("fay", viewers: 2), Live("zed", viewers: 3000) };

        var ranked = new Ranker(options).Rank(new RankingRequest(state, live, Now, 10));

        Assert.Equal("fay", ranked[0].Stream.CreatorId);
        Assert.Equal(RecommendationReasonKind.Followed, ranked[0].Reasons[0].Kind);
        Assert.Equal("Followed", ranked[0].Reasons[0].Text);
    }

    [Fact]
    public void AnUnfollowedCreatorLosesTheFollowedReason()
    {
        var state = History(options, Signal(InterestSignalKind.Follow, "fay", Now.AddDays(-1)), Signal(InterestSignalKind.Unfollow, "fay", Now.AddMinutes(-1)));

        var ranked = new Ranker(options).Rank(new RankingRequest(state, [Live("fay")], Now, 10));

        Assert.DoesNotContain(ranked[0].Reasons, r => r.Kind == RecommendationReasonKind.Followed);
    }
}
