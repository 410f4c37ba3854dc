using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Streams;

[Collection(ClusterCollection.Name)]
public sealed class ViewerCountTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task TheViewerCountAddsUpEveryApiNode()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        await stream.JoinAsync(new("node-a", 3, null)).WithTimeout();
        await stream.ReportViewersAsync("node-b", 4, null).WithTimeout();
        Assert.Equal(7, (await stream.GetAsync())!.ViewerCount);

        await stream.ReportViewersAsync("node-a", 1, null).WithTimeout();
        Assert.Equal(5, (await stream.GetAsync())!.ViewerCount);

        await stream.ReportViewersAsync("node-b", 0, null).WithTimeout();
        Assert.Equal(1, (await stream.GetAsync())!.ViewerCount);
    }

    [Fact]
    public async Task ANodeThatStopsReportingDropsOutAfterItsLease()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        await stream.ReportViewersAsync("node-dead", 10, null).WithTimeout();
        Assert.Equal(10, (await stream.GetAsync())!.ViewerCount);

        fixture.Clock.Advance(TimeSpan.FromSeconds(46));
        await stream.ReportViewersAsync("node-alive", 2, null).WithTimeout();
        Assert.Equal(2, (await stream.GetAsync())!.ViewerCount);
    }
}
