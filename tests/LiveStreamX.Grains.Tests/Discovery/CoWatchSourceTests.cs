using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static LiveStreamX.Grains.Tests.Discovery.RankingFixtures;

namespace LiveStreamX.Grains.Tests.Discovery;

public sealed class CoWatchSourceTests
{
    private readonly RankingOptions options = new();

    [Fact]
    public void TheIndexCountsDistinctCoViewersAndScoresTheShrunkCosine()
    {
        var index = new CoWatchIndex { Shrinkage = 1 };

        // Three viewers of "a", two of whom later watch "b"; one of them watches "b" a second time.
        index.RecordViewer("a", []);
        index.RecordViewer("a", []);
        index.RecordViewer("a", []);
        index.RecordViewer("b", ["a"]);
        index.RecordViewer("b", ["a"]);
        var viewer = History(options, Watch("a", Now.AddHours(-2)), Watch("b", Now.AddHours(-1)));
        Assert.False(index.Observe(viewer, "b", Now, options));

        Assert.Equal(3, index.AudienceOf("a"));
        Assert.Equal(2, index.AudienceOf("b"));
        Assert.Equal(2, index.CoViewers("a", "b"));
        Assert.Equal(2, index.CoViewers("b", "a"));
        var expected = 2 / (Math.Sqrt(3 * 2) + 1);
        Assert.Equal(expected, index.NeighboursOf("a").Single().Similarity, 5);
        Assert.Equal(expected, index.NeighboursOf("b").Single().Similarity, 5);
    }

    [Fact]
    public void ObservingAFirstWatchPairsItWithTheViewersStrongestCreators()
    {
        var index = new CoWatchIndex();
        var before = History(options, Watch("a", Now.AddHours(-3)), Watch("a", Now.AddHours(-2)), Watch("b", Now.AddHours(-1)));

        Assert.True(index.Observe(before, "c", Now, options));

        Assert.Equal(1, index.CoViewers("c", "a"));
        Assert.Equal(1, index.CoViewers("b", "c"));
        Assert.Equal("a", index.NeighboursOf("c")[0].CreatorId);
    }

    [Fact]
    public void ACreatorCoWatchedWithTheViewersCreatorIsRecommendedBecauseTheyWatchedIt()
    {
        var index = new CoWatchIndex().Configure(options);
        for (var i = 0; i < 20; i++)
        {
            index.RecordViewer("ada", []);
            index.RecordViewer("kim", ["ada"]);
        }

        for (var i = 0; i < 20; i++)
        {
            index.RecordViewer("lou", ["zed"]);
        }

        var viewer = History(options, Watch("ada", Now.AddDays(-1)));
        var live = new[] { Live("lou", viewers: 300), Live("kim", viewers: 20), Live("max", viewers: 50) };

        var ranked = new Ranker(Only(RankingSource.CoWatch)).Rank(new RankingRequest(viewer, live, Now, 10) { CoWatch = index, ScoredOnly = true });

        Assert.Equal(["kim"], ranked.Creators());
        Assert.Equal(RecommendationReasonKind.CoWatched, ranked[0].Reasons[0].Kind);
        Assert.Equal("Because you watched @ada", ranked[0].Reasons[0].Text);
        Assert.Equal("ada", ranked[0].Reasons[0].SubjectId);
    }

    [Fact]
    public void SimilarStreamsPutTheCoWatchedCreatorFirstAndNeverTheStreamItself()
    {
        var index = new CoWatchIndex().Configure(options);
        for (var i = 0; i < 10; i++)
        {
            index.RecordViewer("ada", []);
            index.RecordViewer("kim", ["ada"]);
        }

        var ada = Live("ada", "Music");
        var live = new[] { ada, Live("kim", "Gaming", viewers: 5), Live("max", "Sports", viewers: 5000) };

        var similar = new Ranker(options).Similar(ada, live, Now, 10, index);

        Assert.Equal("kim", similar[0].Stream.CreatorId);
        Assert.Equal("Viewers of @ada also watch", similar[0].Reasons[0].Text);
        Assert.DoesNotContain("ada", similar.Creators());
    }

    [Fact]
    public void AFreshlyDeserializedIndexRebuildsItsNeighbourLists()
    {
        var index = new CoWatchIndex();
        index.RecordViewer("a", []);
        index.RecordViewer("b", ["a"]);
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var restored = serializer.Deserialize<CoWatchIndex>(serializer.SerializeToArray(index))!;

        Assert.Equal("b", restored.NeighboursOf("a").Single().CreatorId);
        Assert.Equal(1, restored.CoViewers("a", "b"));
    }
}
