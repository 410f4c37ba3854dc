using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Realtime;

[Collection(AppCollection.Name)]
public sealed class ViewerCountTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task JoinsLeavesAndDisconnectsChangeTheViewerCount()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var first = await App.Hub().StartAsync();
        await first.JoinAsync(streamId);
        await first.WaitForAsync("viewers:count", streamId, e => e.GetProperty("count").GetInt32() == 1);

        var second = await App.Hub().StartAsync();
        var joined = await second.JoinAsync(streamId);
        Assert.Equal(2, joined.GetProperty("viewerCount").GetInt32());
        await first.WaitForAsync("viewers:count", streamId, e => e.GetProperty("count").GetInt32() == 2);

        await second.DisposeAsync();
        await first.WaitForAsync("viewers:count", streamId, e => e.GetProperty("count").GetInt32() == 1 && e.GetProperty("seq").GetInt64() > joined.GetProperty("seq").GetInt64());

        await using var third = await App.Hub().StartAsync();
        await third.JoinAsync(streamId);
        await third.Connection.InvokeAsync("stream:leave", streamId).WithTimeout();
        await Timeouts.Eventually(
            async () => (await App.Http().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/streams/{streamId}")).GetProperty("viewerCount").GetInt32() == 1,
            "the stream counts one viewer again");
    }

    [Fact]
    public async Task JoiningTwiceFromOneConnectionCountsOnce()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var client = await App.Hub().StartAsync();
        await client.JoinAsync(streamId);
        var again = await client.JoinAsync(streamId);
        Assert.Equal(1, again.GetProperty("viewerCount").GetInt32());
    }
}
