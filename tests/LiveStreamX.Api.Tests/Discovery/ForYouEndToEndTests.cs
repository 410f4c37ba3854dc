using System.Text.Json;
using LiveStreamX.Testing;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Tests.Discovery;

/// <summary>
/// Issue #23's end-to-end test over a real Api node (Kestrel, the co-hosted silo, SignalR): a viewer who watches
/// two streams of a category gets a third live stream of that category in "For you", and a followed creator's
/// go-live arrives on the viewer's connection as <c>stream:live</c>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ForYouEndToEndTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AViewerWhoWatchesTwoStreamsOfACategorySeesAThirdInForYou()
    {
        var category = DiscoveryStreams.Category();
        var watched = new[]
        {
            await DiscoveryStreams.LiveAsync(App, await App.SignInAsync("creator"), category, "Late night synthwave"),
            await DiscoveryStreams.LiveAsync(App, await App.SignInAsync("creator"), category, "Modular patching"),
        };
        var viewer = await App.SignInAsync();
        await using var hub = await App.Hub(viewer).StartAsync();
        foreach (var streamId in watched)
        {
            await hub.JoinAsync(streamId);
            await hub.Connection.InvokeAsync<JsonElement>("watch:heartbeat", new { streamId, visible = true }).WithTimeout();
            await hub.Connection.InvokeAsync("stream:leave", streamId).WithTimeout();
        }

        var third = await DiscoveryStreams.LiveAsync(App, await App.SignInAsync("creator"), category, "Ambient drones");
        using var http = App.Http(viewer.Token);
        JsonElement forYou = default;
        await Timeouts.Eventually(
            async () => DiscoveryStreams.Ids(forYou = await http.GetFromJsonAsync<JsonElement>("/api/recommendations?limit=20")).Contains(third),
            "the third stream of the category is in For you");

        Assert.False(forYou.GetProperty("coldStart").GetBoolean());
        var item = forYou.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("stream").GetProperty("streamId").GetString() == third);
        Assert.Equal(category, item.GetProperty("stream").GetProperty("category").GetString());
        Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task AFollowedCreatorsGoLiveReachesTheViewersConnection()
    {
        var creator = await App.SignInAsync("creator");
        var viewer = await App.SignInAsync();
        (await App.Http(viewer.Token).PostAsync($"/api/users/{creator.Id}/follow", null).WithTimeout()).EnsureSuccessStatusCode();

        var notices = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        await using var hub = App.Hub(viewer);
        hub.Connection.On<JsonElement>("stream:live", e => notices.Enqueue(e.Clone()));
        await hub.StartAsync();
        // The server answers the handshake before OnConnectedAsync subscribes the user's events; a call is served only
        // after it, so once one answers (here: not_found for a stream that is not there) the notice cannot be missed.
        await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("stream:leave", "s_not_there").WithTimeout());

        var streamId = await DiscoveryStreams.LiveAsync(App, creator, DiscoveryStreams.Category(), "Going live now");
        await Timeouts.Eventually(() => Task.FromResult(notices.Any(n => n.GetProperty("streamId").GetString() == streamId)), "stream:live arrives");
        var notice = notices.Single(n => n.GetProperty("streamId").GetString() == streamId);
        Assert.Equal("stream:live", notice.GetProperty("type").GetString());
        Assert.Equal(creator.Id, notice.GetProperty("creatorId").GetString());
        Assert.Equal("Going live now", notice.GetProperty("title").GetString());
    }
}
