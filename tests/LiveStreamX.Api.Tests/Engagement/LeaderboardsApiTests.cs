using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Engagement;

[Collection(AppCollection.Name)]
public sealed class LeaderboardsApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AGifterAppearsOnTheGiftersBoardWithTheirRank()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);
        (await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "rocket", count = 3, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") })).EnsureSuccessStatusCode();

        JsonElement mine = default;
        await Timeouts.Eventually(
            async () => (await http.GetAsync("/api/leaderboards/gifters/me?scope=season")).StatusCode == HttpStatusCode.OK
                && (mine = await http.GetFromJsonAsync<JsonElement>("/api/leaderboards/gifters/me?scope=season")).GetProperty("entry").GetProperty("score").GetInt64() == 900,
            "the gift counts on the season board");
        Assert.True(mine.GetProperty("rank").GetInt64() >= 1);
        var top = await App.Http().GetFromJsonAsync<JsonElement>("/api/leaderboards/gifters?scope=all&top=100").WithTimeout();
        Assert.Contains(top.EnumerateArray(), e => e.GetProperty("handle").GetString() == viewer.Handle);
        var season = await App.Http().GetFromJsonAsync<JsonElement>("/api/seasons/current").WithTimeout();
        Assert.True(season.GetProperty("number").GetInt32() >= 1);
    }

    [Fact]
    public async Task BadBoardQueriesAreClearErrors()
    {
        using var http = App.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/leaderboards/richest")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/leaderboards/gifters?scope=forever")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/leaderboards/gifters?top=5000")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/leaderboards/gifters/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/seasons/999")).StatusCode);
    }
}
