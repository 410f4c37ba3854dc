namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class ReactionFloodTests(LoadTargetFixture target)
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task EveryAcknowledgedReactionIsCountedExactlyOnce(int taps)
    {
        var options = SmokeRuns.Tiny(target, "reaction-flood");
        options.Viewers = 6;
        options.Senders = 3;
        options.Rate = 30;
        options.Taps = taps;

        var report = await SmokeRuns.WebAsync(options);

        SmokeRuns.AssertClean(report);
        var reactions = Assert.IsType<Metrics.ReactionCheck>(report.Reactions);
        Assert.True(reactions.Accepted > 0);
        Assert.Equal(0, reactions.Accepted % taps);
        Assert.Equal(reactions.Accepted, reactions.Counted);
    }

    [Fact]
    public async Task EveryReactionBatchedStraightToTheMoodGrainsIsCountedExactlyOnce()
    {
        var options = SmokeRuns.Tiny(target, "reaction-flood");
        options.Engine = true;
        options.Streams = 2;
        options.Concurrency = 4;
        options.Batch = 7;

        var report = await SmokeRuns.EngineAsync(options);

        Assert.Empty(report.Errors);
        Assert.Equal("reactions", report.Unit);
        Assert.Equal(report.Latency.Count * 7, report.Deliveries);
        var reactions = Assert.IsType<Metrics.ReactionCheck>(report.Reactions);
        Assert.True(reactions.Accepted > 0);
        Assert.Equal(0, reactions.Accepted % 7);
        Assert.Equal(reactions.Accepted, reactions.Counted);
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(7, 5)]
    [InlineData(100, 3)]
    [InlineData(1, 2)]
    public void ABatchSpreadsItsReactionsOverTheMoodsAndKeepsEveryOne(int reactions, long turn)
    {
        var counts = Engine.EngineReactions.Spread(reactions, turn);

        Assert.Equal(Enum.GetValues<LiveStreamX.Mood.MoodKind>().Length, counts.Length);
        Assert.Equal(reactions, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= reactions % counts.Length);
    }
}
