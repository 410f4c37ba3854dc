namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class MixedTests(LoadTargetFixture target)
{
    [Fact]
    public async Task ChatReactionsAndGiftsOverZipfStreamsWithChurnLoseNothing()
    {
        var options = SmokeRuns.Tiny(target, "mixed");
        options.Streams = 3;
        options.Viewers = 20;
        options.Senders = 4;
        options.Rate = 20;
        options.ChurnPercent = 10;

        var report = await SmokeRuns.WebAsync(options);

        SmokeRuns.AssertClean(report);
        var gifts = Assert.IsType<Metrics.GiftCheck>(report.Gifts);
        Assert.Equal(0, gifts.Lost);
        Assert.Equal(0, gifts.Doubled);
        Assert.True(gifts.TotalsMatch);
        if (report.Reactions is { } reactions)
        {
            Assert.Equal(reactions.Accepted, reactions.Counted);
        }
    }
}
