using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Tests;

[Collection(LoadTargetCollection.Name)]
public sealed class HotStreamTests(LoadTargetFixture target)
{
    [Theory]
    [InlineData(ClientKind.Raw)]
    [InlineData(ClientKind.HubConnection)]
    public async Task EveryViewerReceivesEveryMessageOnceWithItsLatency(ClientKind client)
    {
        var options = SmokeRuns.Tiny(target, "hot-stream");
        options.Client = client;
        options.Viewers = 8;
        options.Senders = 3;
        options.Rate = 10;

        var report = await SmokeRuns.WebAsync(options);

        SmokeRuns.AssertClean(report);
        Assert.Equal(8, report.ConnectionsHeld);
        Assert.True(report.Accepted > 0);
        // Each message sent inside the window reached all 8 viewers, and each of those deliveries was timed.
        Assert.True(report.Latency.Count > 0);
        Assert.Equal(0, report.Latency.Count % 8);
    }
}
