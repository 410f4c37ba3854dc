using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class RefreshTokenRotation(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ASignInSetsAnHttpOnlySecureStrictRefreshCookieScopedToTheAuthPath()
    {
        var (body, cookie) = await RefreshCookies.DevLoginAsync(App);

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/auth", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        // The access token is short (at most 15 minutes), names its signing key and its session.
        var token = RefreshCookies.AccessToken(body);
        var payload = RefreshCookies.Part(token, 1);
        Assert.InRange(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64(), 60, 15 * 60);
        Assert.False(string.IsNullOrEmpty(RefreshCookies.Part(token, 0).GetProperty("kid").GetString()));
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("sid").GetString()));
    }

    [Fact]
    public async Task ARefreshRotatesTheCookieAndAnswersANewAccessToken()
    {
        var (signedIn, first) = await RefreshCookies.DevLoginAsync(App, "creator");

        using var refreshed = await RefreshCookies.PostAsync(App, "/api/auth/refresh", first);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = RefreshCookies.SetCookie(refreshed);
        Assert.NotNull(second);
        Assert.NotEqual(RefreshCookies.ValueOf(first), RefreshCookies.ValueOf(second));
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        Assert.Equal(signedIn.GetProperty("user").GetProperty("id").GetString(), body.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("creator", body.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(App, RefreshCookies.AccessToken(body)));
        Assert.Equal(
            RefreshCookies.Part(RefreshCookies.AccessToken(signedIn), 1).GetProperty("sid").GetString(),
            RefreshCookies.Part(RefreshCookies.AccessToken(body), 1).GetProperty("sid").GetString());

        // The rotated cookie works in turn.
        using var again = await RefreshCookies.PostAsync(App, "/api/auth/refresh", second);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ReplayingARotatedRefreshTokenRevokesItsWholeFamily()
    {
        var (_, stolen) = await RefreshCookies.DevLoginAsync(App);
        using var owner = await RefreshCookies.PostAsync(App, "/api/auth/refresh", stolen);
        var ownersCookie = RefreshCookies.SetCookie(owner)!;

        // The thief replays the copy the owner already rotated away.
        using var replay = await RefreshCookies.PostAsync(App, "/api/auth/refresh", stolen);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("unauthorized", await RefreshCookies.CodeAsync(replay));
        Assert.Contains("expires=Thu, 01 Jan 1970", RefreshCookies.SetCookie(replay), StringComparison.OrdinalIgnoreCase);

        // The family is revoked: the owner's newer cookie is refused too, and stays refused.
        using var afterTheft = await RefreshCookies.PostAsync(App, "/api/auth/refresh", ownersCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTheft.StatusCode);
        using var replayAgain = await RefreshCookies.PostAsync(App, "/api/auth/refresh", stolen);
        Assert.Equal(HttpStatusCode.Unauthorized, replayAgain.StatusCode);
    }

    [Fact]
    public async Task AReplayRevokesOnlyThatFamilyNotTheUsersOtherSessions()
    {
        var (first, stolen) = await RefreshCookies.DevLoginAsync(App);
        var handle = first.GetProperty("user").GetProperty("handle").GetString()!;
        var (_, otherDevice) = await RefreshCookies.DevLoginAsync(App, handle: handle);
        using var rotated = await RefreshCookies.PostAsync(App, "/api/auth/refresh", stolen);
        using var replay = await RefreshCookies.PostAsync(App, "/api/auth/refresh", stolen);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        using var other = await RefreshCookies.PostAsync(App, "/api/auth/refresh", otherDevice);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("u_nobody.0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("a.b.c.d")]
    public async Task ARefreshWithoutAValidCookieIsUnauthorizedWithACode(string? cookie)
    {
        using var response = await RefreshCookies.PostAsync(App, "/api/auth/refresh", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthorized", await RefreshCookies.CodeAsync(response));
    }

    [Fact]
    public async Task AForgedSecretForARealSessionIsRefusedAndEndsNothing()
    {
        var (_, cookie) = await RefreshCookies.DevLoginAsync(App);
        var parts = RefreshCookies.ValueOf(cookie).Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', 43)}";

        using var refused = await RefreshCookies.PostAsync(App, "/api/auth/refresh", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var logout = await RefreshCookies.PostAsync(App, "/api/auth/logout", forged);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var real = await RefreshCookies.PostAsync(App, "/api/auth/refresh", cookie);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task LogoutEndsTheSessionAndClearsTheCookie()
    {
        var (_, cookie) = await RefreshCookies.DevLoginAsync(App);

        using var logout = await RefreshCookies.PostAsync(App, "/api/auth/logout", cookie);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", RefreshCookies.SetCookie(logout), StringComparison.OrdinalIgnoreCase);

        using var refresh = await RefreshCookies.PostAsync(App, "/api/auth/refresh", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);

        // Signing out twice, or without a cookie, is no error.
        using var twice = await RefreshCookies.PostAsync(App, "/api/auth/logout", cookie);
        Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
        using var none = await RefreshCookies.PostAsync(App, "/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }
}
