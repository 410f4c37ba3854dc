namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class EngineCallsTests(LoadTargetFixture target)
{
    [Fact]
    public async Task GrainCallsCompleteThroughTheGateway()
    {
        var options = SmokeRuns.Tiny(target, "grain-calls");
        options.Engine = true;
        options.Grains = 20;
        options.Concurrency = 4;

        var report = await SmokeRuns.EngineAsync(options);

        Assert.Empty(report.Errors);
        Assert.True(report.Deliveries > 0);
        Assert.Equal(report.Deliveries, report.Latency.Count);
    }
}
