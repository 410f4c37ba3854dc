using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class MySessions(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheListShowsMyOpenSessionsAndMarksTheCurrentOne()
    {
        var (first, _) = await RefreshCookies.DevLoginAsync(App);
        var handle = first.GetProperty("user").GetProperty("handle").GetString()!;
        var (second, _) = await RefreshCookies.DevLoginAsync(App, handle: handle);

        using var http = App.Http(RefreshCookies.AccessToken(second));
        var sessions = await http.GetFromJsonAsync<JsonElement>("/api/me/sessions").WithTimeout();

        Assert.Equal(2, sessions.GetArrayLength());
        var current = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        Assert.Equal(RefreshCookies.Part(RefreshCookies.AccessToken(second), 1).GetProperty("sid").GetString(), current.GetProperty("id").GetString());
        Assert.All(sessions.EnumerateArray(), s => Assert.Equal("dev", s.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task EndingOneSessionRefusesItsRefreshAndLeavesTheOthers()
    {
        var (first, firstCookie) = await RefreshCookies.DevLoginAsync(App);
        var handle = first.GetProperty("user").GetProperty("handle").GetString()!;
        var (second, secondCookie) = await RefreshCookies.DevLoginAsync(App, handle: handle);
        var firstId = RefreshCookies.Part(RefreshCookies.AccessToken(first), 1).GetProperty("sid").GetString();

        using var http = App.Http(RefreshCookies.AccessToken(second));
        using var ended = await http.DeleteAsync($"/api/me/sessions/{firstId}").WithTimeout();
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);

        using var refused = await RefreshCookies.PostAsync(App, "/api/auth/refresh", firstCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var kept = await RefreshCookies.PostAsync(App, "/api/auth/refresh", secondCookie);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySession()
    {
        var (first, firstCookie) = await RefreshCookies.DevLoginAsync(App);
        var handle = first.GetProperty("user").GetProperty("handle").GetString()!;
        var (second, secondCookie) = await RefreshCookies.DevLoginAsync(App, handle: handle);

        using var http = App.Http(RefreshCookies.AccessToken(second));
        using var response = await http.DeleteAsync("/api/me/sessions").WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("ended").GetInt32());

        foreach (var cookie in new[] { firstCookie, secondCookie })
        {
            using var refused = await RefreshCookies.PostAsync(App, "/api/auth/refresh", cookie);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var left = await http.GetFromJsonAsync<JsonElement>("/api/me/sessions").WithTimeout();
        Assert.Equal(0, left.GetArrayLength());
    }

    [Fact]
    public async Task AnotherUsersSessionIsNotMineToEnd()
    {
        var (victim, victimCookie) = await RefreshCookies.DevLoginAsync(App);
        var (attacker, _) = await RefreshCookies.DevLoginAsync(App);
        var victimSession = RefreshCookies.Part(RefreshCookies.AccessToken(victim), 1).GetProperty("sid").GetString();

        using var http = App.Http(RefreshCookies.AccessToken(attacker));
        using var response = await http.DeleteAsync($"/api/me/sessions/{victimSession}").WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", await RefreshCookies.CodeAsync(response));

        using var kept = await RefreshCookies.PostAsync(App, "/api/auth/refresh", victimCookie);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task TheSessionEndpointsNeedAToken()
    {
        using var http = App.Http();
        using var list = await http.GetAsync("/api/me/sessions").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using var all = await http.DeleteAsync("/api/me/sessions").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, all.StatusCode);
    }
}
