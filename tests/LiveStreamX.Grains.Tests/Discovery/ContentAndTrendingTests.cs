using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using static LiveStreamX.Grains.Tests.Discovery.RankingFixtures;

namespace LiveStreamX.Grains.Tests.Discovery;

public sealed class ContentAndTrendingTests
{
    private readonly RankingOptions options = new();

    [Fact]
    public void AViewerWhoWatchedTwoStreamsOfACategoryGetsAThirdOfThatCategoryBecauseTheyLikeIt()
    {
        var viewer = History(options, Watch("ada", Now.AddMinutes(-30), "Chess"), Watch("bob", Now.AddMinutes(-10), "Chess"));
        var live = new[] { Live("max", "Gaming", viewers: 5000), Live("cal", "Chess", viewers: 12), Live("sue", "Music", viewers: 800) };

        var ranked = new Ranker(options).Rank(new RankingRequest(viewer, live, Now, 10));

        Assert.Equal("cal", ranked[0].Stream.CreatorId);
        Assert.Equal(RecommendationReasonKind.MatchesInterests, ranked[0].Reasons[0].Kind);
        Assert.Equal("Because you like Chess", ranked[0].Reasons[0].Text);
    }

    [Fact]
    public void ContentAloneMatchesTagsAndTitleTermsWhenTheCategoryIsNew()
    {
        var viewer = History(options, Watch("ada", Now.AddHours(-1), "Gaming", ["speedrun"], "Zelda speedrun any%"));
        var live = new[]
        {
            Live("tag", "Retro", tags: ["speedrun"]),
            Live("term", "Retro", title: "Chill zelda evening"),
            Live("none", "Retro", viewers: 9000, title: "Cooking pasta"),
        };

        var ranked = new Ranker(Only(RankingSource.Content)).Rank(new RankingRequest(viewer, live, Now, 10) { ScoredOnly = true });

        Assert.Equal(["tag", "term"], ranked.Creators());
        Assert.Equal("Because you like #speedrun", ranked[0].Reasons[0].Text);
        Assert.Equal("Because you like \"zelda\"", ranked[1].Reasons[0].Text);
    }

    [Fact]
    public void TrendingWeighsViewersAndTheirGrowth()
    {
        var live = new[] { Live("flat", "A", viewers: 1000, velocity: 0), Live("rising", "B", viewers: 800, velocity: 40), Live("small", "C", viewers: 10, velocity: 0) };
        var viewer = History(options, Watch("other", Now.AddDays(-1)));

        var ranked = new Ranker(Only(RankingSource.Trending)).Rank(new RankingRequest(viewer, live, Now, 10));

        Assert.Equal(["rising", "flat", "small"], ranked.Creators());
        Assert.Equal("Popular in B", ranked[0].Reasons[0].Text);
    }

    [Fact]
    public void AnAnonymousViewerGetsTrendingWithOneStreamPerCategoryAtTheTop()
    {
        var live = new[]
        {
            Live("g1", "Gaming", 9000), Live("g2", "Gaming", 8000), Live("g3", "Gaming", 7000),
            Live("m1", "Music", 500), Live("m2", "Music", 400), Live("c1", "Chess", 50), Live("s1", "Sports", 20),
        };

        var ranked = new Ranker(options).Rank(new RankingRequest(null, live, Now, 20));

        Assert.Equal(["g1", "m1", "c1", "s1", "g2", "g3", "m2"], ranked.Creators());
        Assert.All(ranked, r => Assert.Equal(RecommendationReasonKind.Trending, r.Reasons[0].Kind));
    }

    [Fact]
    public void ANewViewerLearnsFromTheirFirstMinutesOfWatching()
    {
        var live = new[] { Live("g1", "Gaming", 9000), Live("c1", "Chess", 15), Live("c2", "Chess", 10), Live("m1", "Music", 500) };
        var viewer = new InterestState();
        var ranker = new Ranker(options);
        Assert.Equal("g1", ranker.Rank(new RankingRequest(viewer, live, Now, 10))[0].Stream.CreatorId);

        InterestModel.Apply(viewer, Watch("c1", Now.AddMinutes(-3), "Chess"), options);
        InterestModel.Apply(viewer, new InterestSignal(InterestSignalKind.Watched, "c1", "@c1", "s-c1", "Chess", [], [], 3, Now), options);

        var ranked = ranker.Rank(new RankingRequest(viewer, live, Now, 10) { ExcludeStreamId = "s-c1" });
        Assert.Equal("c2", ranked[0].Stream.CreatorId);
        Assert.DoesNotContain("c1", ranked.Creators());
    }
}
