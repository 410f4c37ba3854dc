namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class IdleTests(LoadTargetFixture target)
{
    [Fact]
    public async Task IdleConnectionsAreAllHeldToTheEnd()
    {
        var options = SmokeRuns.Tiny(target, "idle");
        options.Viewers = 12;

        var report = await SmokeRuns.WebAsync(options);

        SmokeRuns.AssertClean(report);
        Assert.Equal(12, report.ConnectionsHeld);
    }
}
