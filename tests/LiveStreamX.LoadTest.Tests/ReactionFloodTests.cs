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
}
