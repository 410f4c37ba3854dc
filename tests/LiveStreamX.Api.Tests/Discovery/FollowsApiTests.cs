using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Discovery;

[Collection(AppCollection.Name)]
public sealed class FollowsApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task FollowingIsIdempotentAndShowsOnBothProfiles()
    {
        var creator = await App.SignInAsync("creator");
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);

        for (var i = 0; i < 2; i++)
        {
            using var followed = await http.PostAsync($"/api/users/{creator.Id}/follow", null).WithTimeout();
            var change = await followed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
            Assert.True(change.GetProperty("following").GetBoolean());
            Assert.Equal(1, change.GetProperty("followers").GetInt32());
        }

        var creatorProfile = await App.Http().GetFromJsonAsync<JsonElement>($"/api/users/{creator.Id}").WithTimeout();
        var viewerProfile = await App.Http().GetFromJsonAsync<JsonElement>($"/api/users/{viewer.Id}").WithTimeout();
        Assert.Equal(1, creatorProfile.GetProperty("follows").GetProperty("followers").GetInt32());
        Assert.Equal(1, viewerProfile.GetProperty("follows").GetProperty("following").GetInt32());

        for (var i = 0; i < 2; i++)
        {
            using var unfollowed = await http.DeleteAsync($"/api/users/{creator.Id}/follow").WithTimeout();
            var change = await unfollowed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(change.GetProperty("following").GetBoolean());
            Assert.Equal(0, change.GetProperty("followers").GetInt32());
        }

        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/me/following").WithTimeout()).EnumerateArray());
    }

    [Fact]
    public async Task MyFollowingListShowsWhoIsLiveAndWithWhichStream()
    {
        var live = await App.SignInAsync("creator");
        var offline = await App.SignInAsync("creator");
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);
        (await http.PostAsync($"/api/users/{offline.Id}/follow", null).WithTimeout()).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/users/{live.Id}/follow", null).WithTimeout()).EnsureSuccessStatusCode();
        var streamId = await App.CreateStreamAsync(live);

        JsonElement following = default;
        await Timeouts.Eventually(
            async () => (following = await http.GetFromJsonAsync<JsonElement>("/api/me/following")).EnumerateArray().Any(f => f.GetProperty("live").GetBoolean()),
            "the live creator shows live");
        var entries = following.EnumerateArray().ToList();
        Assert.Equal([live.Id, offline.Id], entries.Select(e => e.GetProperty("creatorId").GetString()));
        Assert.Equal(streamId, entries[0].GetProperty("liveStreams")[0].GetProperty("streamId").GetString());
        Assert.Equal(live.Handle, entries[0].GetProperty("creatorHandle").GetString());
        Assert.False(entries[1].GetProperty("live").GetBoolean());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task FollowingSomeoneUnknownIsNotFound(string method)
    {
        var viewer = await App.SignInAsync();
        using var response = await App.Http(viewer.Token).SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/users/u_nobody_here/follow")).WithTimeout();
        await DiscoveryStreams.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task FollowingYourselfIsRefused()
    {
        var viewer = await App.SignInAsync();
        using var response = await App.Http(viewer.Token).PostAsync($"/api/users/{viewer.Id}/follow", null).WithTimeout();
        await DiscoveryStreams.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task FollowingNeedsASignIn()
    {
        var creator = await App.SignInAsync("creator");
        using var follow = await App.Http().PostAsync($"/api/users/{creator.Id}/follow", null).WithTimeout();
        using var list = await App.Http().GetAsync("/api/me/following").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, follow.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }
}
