using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using static LiveStreamX.Grains.Tests.Discovery.RankingFixtures;

namespace LiveStreamX.Grains.Tests.Discovery;

public sealed class BlendTests
{
    private readonly RankingOptions options = new();

    [Fact]
    public void TheTopFiveHoldAtMostTwoStreamsOfOneCategory()
    {
        var viewer = History(options, [.. Enumerable.Range(0, 6).Select(i => Watch($"g{i}", Now.AddHours(-i - 1), "Gaming"))]);
        var live = Enumerable.Range(0, 6).Select(i => Live($"g{i}", "Gaming", 100)).Concat([Live("m", "Music", 50), Live("c", "Chess", 40), Live("s", "Sports", 30)]).ToArray();

        var ranked = new Ranker(options).Rank(new RankingRequest(viewer, live, Now, 9));

        Assert.Equal(2, ranked.Take(5).Count(r => r.Stream.Category == "Gaming"));
        Assert.Equal(["g0", "g1"], ranked.Take(5).Where(r => r.Stream.Category == "Gaming").Select(r => r.Stream.CreatorId));
        Assert.Equal(["g2", "g3", "g4", "g5"], ranked.Skip(5).Select(r => r.Stream.CreatorId));
    }

    [Fact]
    public void WhenOneCategoryIsAllThatIsLiveTheListIsStillFull()
    {
        var live = Enumerable.Range(0, 7).Select(i => Live($"g{i}", "Gaming", 100 - i)).ToArray();

        var ranked = new Ranker(options).Rank(new RankingRequest(null, live, Now, 5));

        Assert.Equal(["g0", "g1", "g2", "g3", "g4"], ranked.Creators());
    }

    [Fact]
    public void DiversityReachesPastTheSelectedHeadWhenOneCategoryFillsIt()
    {
        var live = Enumerable.Range(0, 60).Select(i => Live($"g{i:D2}", "Gaming", 10_000 - i))
            .Concat([Live("m1", "Music", 3), Live("c1", "Chess", 2)]).ToArray();

        var ranked = new Ranker(options).Rank(new RankingRequest(null, live, Now, 5));

        Assert.Equal(["g00", "m1", "c1", "g01", "g02"], ranked.Creators());
    }

    [Fact]
    public void SelectingTheHeadRanksAsSortingEverything()
    {
        var random = new Random(3);
        var live = Enumerable.Range(0, 400).Select(i => Live($"c{i}", $"cat{random.Next(12)}", random.Next(5000), random.NextDouble() * 10)).ToArray();
        var viewer = History(options, Watch("c5", Now.AddHours(-3), "cat1"), Watch("c9", Now.AddHours(-1), "cat2"));
        var ranker = new Ranker(options);

        var head = ranker.Rank(new RankingRequest(viewer, live, Now, 20)).Creators();
        var everything = ranker.Rank(new RankingRequest(viewer, live, Now, live.Length)).Creators();

        Assert.Equal(everything.Take(20), head);
    }

    [Fact]
    public void TheBlendExplainsEachPickStrongestReasonFirst()
    {
        var index = new CoWatchIndex().Configure(options);
        for (var i = 0; i < 10; i++)
        {
            index.RecordViewer("ada", []);
            index.RecordViewer("kim", ["ada"]);
        }

        var viewer = History(options, Watch("ada", Now.AddHours(-5), "Chess"), Watch("ada", Now.AddHours(-2), "Chess"));
        var live = new[] { Live("ada", "Chess", 40), Live("kim", "Chess", 30), Live("max", "Gaming", 9000) };

        var ranked = new Ranker(options).Rank(new RankingRequest(viewer, live, Now, 10) { CoWatch = index });

        Assert.Equal(["ada", "kim", "max"], ranked.Creators());
        Assert.Equal(RecommendationReasonKind.WatchedBefore, ranked[0].Reasons[0].Kind);
        Assert.Equal(RecommendationReasonKind.CoWatched, ranked[1].Reasons[0].Kind);
        Assert.Contains(ranked[1].Reasons, r => r.Text == "Because you like Chess");
        Assert.Equal("Popular in Gaming", ranked[2].Reasons[0].Text);
        Assert.True(ranked[0].Score > ranked[1].Score && ranked[1].Score > ranked[2].Score);
    }

    [Fact]
    public void TheLimitCapsTheListAndZeroGivesNothing()
    {
        var live = Enumerable.Range(0, 30).Select(i => Live($"c{i}", $"cat{i % 7}", i)).ToArray();
        var ranker = new Ranker(options);

        Assert.Equal(20, ranker.Rank(new RankingRequest(null, live, Now, 20)).Count);
        Assert.Empty(ranker.Rank(new RankingRequest(null, live, Now, 0)));
        Assert.Empty(ranker.Rank(new RankingRequest(null, [], Now, 20)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ranker.Rank(new RankingRequest(null, live, Now, -1)));
    }
}
