using LiveStreamX.Grains.Discovery.Ranking;
using static LiveStreamX.Grains.Tests.Discovery.RankingFixtures;

namespace LiveStreamX.Grains.Tests.Discovery;

public sealed class ImplicitFactorizationTests
{
    private readonly RankingOptions options = new();

    // Two audiences that never mix: viewers of a1..a4 and viewers of b1..b4, each watching three of their four.
    private static IEnumerable<(string, string)> TwoCommunities()
    {
        for (var v = 0; v < 60; v++)
        {
            var side = v % 2 == 0 ? "a" : "b";
            for (var k = 0; k < 4; k++)
            {
                if (k != v / 2 % 4)
                {
                    yield return ($"v{v}", $"{side}{k + 1}");
                }
            }
        }
    }

    private static double Cosine(float[] x, float[] y)
    {
        double dot = 0, nx = 0, ny = 0;
        for (var i = 0; i < x.Length; i++)
        {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }

        return dot / Math.Sqrt(nx * ny);
    }

    [Fact]
    public void CreatorsWatchedByTheSameViewersEmbedCloserThanOthers()
    {
        var model = ImplicitFactorization.Train(TwoCommunities(), new FactorizationSettings(Dimensions: 8, Epochs: 60), Now);

        Assert.Equal(8, model.Count);
        var same = Cosine(model.EmbeddingOf("a1")!, model.EmbeddingOf("a2")!);
        var across = Cosine(model.EmbeddingOf("a1")!, model.EmbeddingOf("b1")!);
        Assert.True(same > across + 0.5, $"same {same:F2}, across {across:F2}");
        Assert.Null(model.EmbeddingOf("nobody"));
    }

    [Fact]
    public void AViewerFoldedInFromTheirCreatorsMatchesTheirCommunityInTheContentSource()
    {
        var model = ImplicitFactorization.Train(TwoCommunities(), new FactorizationSettings(Dimensions: 8, Epochs: 60), Now);
        var viewer = History(options, Watch("a1", Now.AddHours(-2), category: ""), Watch("a2", Now.AddHours(-1), category: ""));
        var live = new[] { Live("b3", category: "", viewers: 500), Live("a3", category: "", viewers: 5) };

        var folded = ImplicitFactorization.FoldIn(viewer, model, Now, options);
        var ranked = new Ranker(Only(RankingSource.Content)).Rank(new(viewer, live, Now, 10) { Embeddings = model, ScoredOnly = true });

        Assert.Equal(8, folded.Length);
        Assert.Equal("a3", ranked[0].Stream.CreatorId);
        Assert.Equal("Matches what you watch", ranked[0].Reasons[0].Text);
    }
}
