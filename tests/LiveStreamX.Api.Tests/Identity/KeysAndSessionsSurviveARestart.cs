using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>
/// No signing key in the settings and Redis storage: the keys the cluster generated and the sessions are kept in
/// Redis, so after every node restarted an access token and a refresh cookie from before still work.
/// </summary>
public sealed class KeysAndSessionsSurviveARestart : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task ATokenAndARefreshCookieFromBeforeARestartStillWork()
    {
        var settings = new Dictionary<string, string?>
        {
            ["LSX:Orleans:Storage"] = "Redis",
            ["LSX:Orleans:Clustering"] = "Redis",
            ["LSX:Orleans:RedisConnectionString"] = _redis.ConnectionString,
            ["LSX:Orleans:ClusterId"] = TestIds.Cluster(),
            ["LSX:Orleans:ServiceId"] = TestIds.Cluster(),
            ["LSX:Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["LSX:Auth:SigningKey"] = string.Empty,
        };

        string token;
        string cookie;
        using (var app = new LiveStreamXApp(settings))
        {
            var (body, setCookie) = await RefreshCookies.DevLoginAsync(app);
            (token, cookie) = (RefreshCookies.AccessToken(body), setCookie);
            Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(app, token));
        }

        settings["LSX:Orleans:SiloPort"] = FreePort.Next().ToString();
        settings["LSX:Orleans:GatewayPort"] = FreePort.Next().ToString();
        using (var app = new LiveStreamXApp(settings))
        {
            Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(app, token));
            using var refreshed = await RefreshCookies.PostAsync(app, "/api/auth/refresh", cookie);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }
    }
}
