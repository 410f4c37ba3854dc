using System.Net;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>
/// The cluster's own key ring (no key in the settings), on a fake grain clock: the ring rotates on its schedule,
/// tokens of the old and the new key both work through the overlap, and the old key's stop working after it.
/// </summary>
public sealed class KeyRotation : IDisposable
{
    private static readonly TimeSpan Rotation = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LiveStreamXApp _app;
    private readonly UserProfile _user;

    public KeyRotation()
    {
        _app = new LiveStreamXApp(
            new Dictionary<string, string?>
            {
                ["LSX:Auth:SigningKey"] = string.Empty,
                ["LSX:Auth:KeyRotation"] = Rotation.ToString(),
                ["LSX:Auth:KeyOverlap"] = Overlap.ToString(),
                ["LSX:Auth:KeyRefreshSeconds"] = "1",
            },
            web => web.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(GrainClock.Key, _clock)));
        var handle = TestIds.Handle("k");
        _user = _app.Services.GetRequiredService<IGrainFactory>().Get<IHandleGrain>(Handles.Normalize(handle))
            .ClaimAsync(handle, Role.Viewer).WithTimeout().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task TokensOfBothKeysWorkThroughTheOverlapAndTheOldKeysStopAfterIt()
    {
        var ring = _app.Services.GetRequiredService<SigningKeyRing>();
        await ring.RefreshAsync().WithTimeout();
        var before = Issue();
        var oldKid = Kid(before);

        // Due: the next key is published now and signs two refreshes later, once every node has it.
        _clock.Advance(Rotation);
        await ring.RefreshAsync().WithTimeout();
        Assert.Equal(oldKid, Kid(Issue()));
        _clock.Advance(TimeSpan.FromSeconds(3));
        await ring.RefreshAsync().WithTimeout();
        var after = Issue();
        Assert.NotEqual(oldKid, Kid(after));

        Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(_app, before));
        Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(_app, after));

        _clock.Advance(Overlap);
        await ring.RefreshAsync().WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshCookies.MeAsync(_app, before));
        Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(_app, after));
    }

    [Fact]
    public async Task EveryNodeOfTheClusterReadsTheSameKeys()
    {
        // A second ring over the same cluster stands for another Api node: it accepts this node's token.
        var ring = _app.Services.GetRequiredService<SigningKeyRing>();
        await ring.RefreshAsync().WithTimeout();
        var other = new SigningKeyRing(
            _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>(), _app.Services.GetRequiredService<IGrainFactory>());
        await other.RefreshAsync().WithTimeout();

        Assert.Equal(ring.Signing.Kid, other.Signing.Kid);
        Assert.Single(other.Resolve(Kid(Issue())));
    }

    [Fact]
    public async Task ASessionUnusedForItsLifetimeEnds()
    {
        var (_, cookie) = await RefreshCookies.DevLoginAsync(_app);
        _clock.Advance(TimeSpan.FromDays(31));

        using var refused = await RefreshCookies.PostAsync(_app, "/api/auth/refresh", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    public void Dispose() => _app.Dispose();

    private string Issue() => _app.Services.GetRequiredService<ITokenIssuer>().Issue(_user).Token;

    private static string Kid(string token) => RefreshCookies.Part(token, 0).GetProperty("kid").GetString()!;
}
