namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class ReactionFloodTests(LoadTargetFixture target)
{
    [Fact]
    public async Task EveryAcknowledgedReactionIsCountedExactlyOnce()
    {
        var options = SmokeRuns.Tiny(target, "reaction-flood");
        options.Viewers = 6;
        options.Senders = 3;
        options.Rate = 30;

        var report = await SmokeRuns.WebAsync(options);

        SmokeRuns.AssertClean(report);
        var reactions = Assert.IsType<Metrics.ReactionCheck>(report.Reactions);
        Assert.True(reactions.Accepted > 0);
        Assert.Equal(reactions.Accepted, reactions.Counted);
    }
}
