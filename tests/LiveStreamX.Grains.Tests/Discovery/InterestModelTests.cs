using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using static LiveStreamX.Grains.Tests.Discovery.RankingFixtures;

namespace LiveStreamX.Grains.Tests.Discovery;

public sealed class InterestModelTests
{
    private readonly RankingOptions options = new() { CreatorHalfLifeHours = 10, MaxCreatorsPerViewer = 4 };

    [Fact]
    public void ACreatorCountHalvesEveryHalfLife()
    {
        var state = History(options, Watch("ada", Now), Watch("ada", Now));

        Assert.Equal(2, state.Creators["ada"].Score.At(Now, TimeSpan.FromHours(10)), 6);
        Assert.Equal(1, state.Creators["ada"].Score.At(Now.AddHours(10), TimeSpan.FromHours(10)), 6);
        Assert.Equal(0.5, state.Creators["ada"].Score.At(Now.AddHours(20), TimeSpan.FromHours(10)), 6);
        Assert.Equal(2, state.Creators["ada"].Sessions);
    }

    [Fact]
    public void WatchTimeChatGiftsAndReactionsStrengthenACreatorWithoutCountingSessions()
    {
        var state = History(
            options,
            Watch("ada", Now),
            new InterestSignal(InterestSignalKind.Watched, "ada", "@ada", "s-ada", "Chess", [], [], 30, Now),
            Signal(InterestSignalKind.Chat, "ada", Now),
            Signal(InterestSignalKind.Gift, "ada", Now, 500),
            Signal(InterestSignalKind.Reaction, "ada", Now, 3));

        var ada = state.Creators["ada"];
        Assert.Equal(1, ada.Sessions);
        Assert.Equal(30, ada.Minutes);
        Assert.Equal(1 + (30 * options.WatchedMinuteWeight) + options.ChatWeight + options.GiftWeight + (3 * options.ReactionWeight), ada.Score.Value, 6);
        Assert.Equal(5, state.SignalCount);
        Assert.True(state.Categories.ContainsKey("Chess"));
    }

    [Fact]
    public void AViewerKeepsOnlyTheirStrongestCreators()
    {
        var state = History(options, [.. Enumerable.Range(0, 12).Select(i => Watch($"c{i}", Now.AddHours(i)))]);

        Assert.InRange(state.Creators.Count, 4, 5);
        Assert.Contains("c11", state.Creators.Keys);
        Assert.DoesNotContain("c0", state.Creators.Keys);
    }

    [Fact]
    public void TitleTermsDropShortAndCommonWords()
    {
        Assert.Equal(["zelda", "speedrun", "glitchless"], TitleTerms.Extract("LIVE: Zelda speedrun, any% glitchless — come join!"));
        Assert.Empty(TitleTerms.Extract(null));
        Assert.Equal(["speedrun", "rpg"], TitleTerms.NormalizeTags([" #Speedrun", "RPG", "speedrun", ""]));
    }

    [Fact]
    public void AWatchedCreatorsEmbeddingPullsTheViewersTowardsIt()
    {
        var state = new InterestState();
        InterestModel.Apply(state, Watch("ada", Now), options, [1f, 0f]);
        Assert.Equal([1f, 0f], state.Embedding);

        InterestModel.Apply(state, Watch("bob", Now), options, [0f, 1f]);
        Assert.Equal(1 - options.EmbeddingRate, state.Embedding[0], 5);
        Assert.Equal(options.EmbeddingRate, state.Embedding[1], 5);
    }
}
