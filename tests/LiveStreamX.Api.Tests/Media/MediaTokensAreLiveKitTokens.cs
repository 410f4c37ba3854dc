using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Media;

/// <summary>
/// <c>POST /api/streams/{id}/media-token</c>, read by LiveKit's own <c>TokenVerifier</c>: the grants a LiveKit server
/// would enforce for the creator, a viewer and an anonymous viewer, and every refusal.
/// </summary>
public sealed class MediaTokensAreLiveKitTokens(MediaFixture fixture) : IClassFixture<MediaFixture>
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheCreatorMayPublishCameraAndMicrophoneToTheStreamsRoomButNotDataNorAdminIt()
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator, live: false);

        var token = await TokenAsync(App.Http(creator.Token), stream);
        var claims = await fixture.LiveKit.VerifyAsync(token.GetProperty("token").GetString()!);

        Assert.Equal("wss://livekit.test:7880", token.GetProperty("url").GetString());
        Assert.Equal(stream, token.GetProperty("room").GetString());
        Assert.Equal(creator.Id, token.GetProperty("identity").GetString());
        Assert.Equal(creator.Id, claims.GetProperty("sub").GetString());
        Assert.Equal(fixture.LiveKit.ApiKey, claims.GetProperty("iss").GetString());
        Assert.Equal(creator.Handle, claims.GetProperty("name").GetString());
        Assert.Equal("creator", JsonDocument.Parse(claims.GetProperty("metadata").GetString()!).RootElement.GetProperty("role").GetString());
        var video = claims.GetProperty("video");
        Assert.Equal(stream, video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.True(video.GetProperty("canPublish").GetBoolean());
        Assert.True(video.GetProperty("canSubscribe").GetBoolean());
        Assert.False(video.GetProperty("canPublishData").GetBoolean());
        Assert.False(video.GetProperty("roomAdmin").GetBoolean());
        Assert.Equal(["camera", "microphone"], video.GetProperty("canPublishSources").EnumerateArray().Select(s => s.GetString()));
        AssertLifetime(claims);
    }

    [Fact]
    public async Task TheCreatorWatchingGetsASubscribeOnlyTokenBesideThePublishingOne()
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator);

        using var http = App.Http(creator.Token);
        using var response = await http.PostAsync($"/api/streams/{stream}/media-token?watch=true", null).WithTimeout();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        var claims = await fixture.LiveKit.VerifyAsync(token.GetProperty("token").GetString()!);

        AssertSubscribeOnly(claims, stream);
        Assert.NotEqual(creator.Id, claims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task AViewerMaySubscribeOnlyWithAnIdentityOfTheirOwnPerToken()
    {
        var creator = await App.SignInAsync("creator");
        var viewer = await App.SignInAsync("viewer");
        var stream = await App.CreateStreamAsync(creator);

        var first = await TokenAsync(App.Http(viewer.Token), stream);
        var second = await TokenAsync(App.Http(viewer.Token), stream);
        var claims = await fixture.LiveKit.VerifyAsync(first.GetProperty("token").GetString()!);

        AssertSubscribeOnly(claims, stream);
        Assert.Equal(viewer.Handle, claims.GetProperty("name").GetString());
        Assert.StartsWith(viewer.Id, claims.GetProperty("sub").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(first.GetProperty("identity").GetString(), second.GetProperty("identity").GetString());
        Assert.NotEqual(creator.Id, claims.GetProperty("sub").GetString());
        AssertLifetime(claims);
    }

    [Fact]
    public async Task AnAnonymousViewerMaySubscribeOnly()
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator);

        var token = await TokenAsync(App.Http(), stream);
        var claims = await fixture.LiveKit.VerifyAsync(token.GetProperty("token").GetString()!);

        AssertSubscribeOnly(claims, stream);
        Assert.StartsWith("anon", claims.GetProperty("sub").GetString(), StringComparison.Ordinal);
        Assert.Equal("anonymous", JsonDocument.Parse(claims.GetProperty("metadata").GetString()!).RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task LiveKitRefusesTheTokenUnderAnotherSecret()
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator);
        var token = await TokenAsync(App.Http(creator.Token), stream);

        var stranger = new LiveKitPeer(fixture.LiveKit.ApiKey, "another-secret-of-32-characters-or-more");
        await Assert.ThrowsAsync<LiveKitRefusedException>(() => stranger.VerifyAsync(token.GetProperty("token").GetString()!));
    }

    [Fact]
    public async Task UnknownEndedAndArchivedStreamsGetNoToken()
    {
        var creator = await App.SignInAsync("creator");
        using var http = App.Http(creator.Token);
        var stream = await App.CreateStreamAsync(creator);

        await AssertRefusedAsync(http, TestIds.Stream(), HttpStatusCode.NotFound, "not_found");
        await AssertRefusedAsync(http, "not a stream id", HttpStatusCode.NotFound, "not_found");
        (await http.PostAsync($"/api/streams/{stream}/end", null).WithTimeout()).EnsureSuccessStatusCode();
        await AssertRefusedAsync(http, stream, HttpStatusCode.Conflict, "not_live");
        (await http.PostAsync($"/api/streams/{stream}/archive", null).WithTimeout()).EnsureSuccessStatusCode();
        await AssertRefusedAsync(App.Http(), stream, HttpStatusCode.Conflict, "not_live");
    }

    [Fact]
    public async Task ABannedViewerAndASuspendedAccountGetNoToken()
    {
        var creator = await App.SignInAsync("creator");
        var banned = await App.SignInAsync("viewer");
        var suspended = await App.SignInAsync("viewer");
        var stream = await App.CreateStreamAsync(creator);
        using var creatorHttp = App.Http(creator.Token);
        (await creatorHttp.PutAsJsonAsync($"/api/creators/{creator.Id}/bans/{banned.Id}", new { reason = "spam" }).WithTimeout()).EnsureSuccessStatusCode();
        using var adminHttp = App.Http(App.Admin().Token);
        (await adminHttp.PutAsJsonAsync($"/api/admin/users/{suspended.Id}/suspension", new { reason = "abuse" }).WithTimeout()).EnsureSuccessStatusCode();

        await AssertRefusedAsync(App.Http(banned.Token), stream, HttpStatusCode.Forbidden, "forbidden");
        await AssertRefusedAsync(App.Http(suspended.Token), stream, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task TheConfigurationTellsTheWebClientWhereLiveKitIs()
    {
        var config = await App.Http().GetFromJsonAsync<JsonElement>("/api/media/config").WithTimeout();

        Assert.True(config.GetProperty("enabled").GetBoolean());
        Assert.Equal("wss://livekit.test:7880", config.GetProperty("url").GetString());
    }

    private static async Task<JsonElement> TokenAsync(HttpClient http, string stream)
    {
        using var response = await http.PostAsync($"/api/streams/{stream}/media-token", null).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
    }

    private static async Task AssertRefusedAsync(HttpClient http, string stream, HttpStatusCode status, string code)
    {
        var (actual, problem) = await Refusals.SendAsync(http, HttpMethod.Post, $"/api/streams/{Uri.EscapeDataString(stream)}/media-token", null);
        Assert.Equal(status, actual);
        Assert.Equal(code, problem.Code());
    }

    private static void AssertSubscribeOnly(JsonElement claims, string stream)
    {
        var video = claims.GetProperty("video");
        Assert.Equal(stream, video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.False(video.GetProperty("canPublish").GetBoolean());
        Assert.True(video.GetProperty("canSubscribe").GetBoolean());
        Assert.False(video.GetProperty("canPublishData").GetBoolean());
        Assert.False(video.GetProperty("roomAdmin").GetBoolean());
    }

    // Never more than 6 hours, and valid now.
    private static void AssertLifetime(JsonElement claims)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var nbf = claims.GetProperty("nbf").GetInt64();
        var exp = claims.GetProperty("exp").GetInt64();
        Assert.InRange(nbf, now - 120, now + 5);
        Assert.InRange(exp - nbf, 60, 6 * 3600);
    }
}
