namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class GiftStormTests(LoadTargetFixture target)
{
    [Fact]
    public async Task NoGiftIsLostOrDoubledOverTheWire()
    {
        var options = SmokeRuns.Tiny(target, "gift-storm");
        options.Streams = 2;
        options.Viewers = 4;
        options.Senders = 4;
        options.Rate = 20;

        var report = await SmokeRuns.WebAsync(options);

        SmokeRuns.AssertClean(report);
        var gifts = Assert.IsType<Metrics.GiftCheck>(report.Gifts);
        Assert.Equal(report.Accepted, gifts.Accepted);
        Assert.Equal(0, gifts.Lost);
        Assert.Equal(0, gifts.Doubled);
        Assert.True(gifts.TotalsMatch);
        Assert.Equal(0, gifts.WalletMismatches);
    }

    [Fact]
    public async Task NoGiftIsLostOrDoubledThroughTheEngine()
    {
        var options = SmokeRuns.Tiny(target, "gift-storm");
        options.Engine = true;
        options.Streams = 2;
        options.Senders = 16;
        options.Concurrency = 4;

        var report = await SmokeRuns.EngineAsync(options);

        Assert.Empty(report.Errors);
        var gifts = Assert.IsType<Metrics.GiftCheck>(report.Gifts);
        Assert.True(gifts.Accepted > 0);
        Assert.True(gifts.TotalsMatch);
        Assert.Equal(0, gifts.WalletMismatches);
    }
}
