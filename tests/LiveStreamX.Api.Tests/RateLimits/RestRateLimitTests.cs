using System.Net;
using LiveStreamX.Api.Identity;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.RateLimits;

/// <summary>A node with small REST limits: a burst of 3 calls per user and 2 per anonymous address, one call a second after.</summary>
public sealed class RestRateLimitFixture : IDisposable
{
    public LiveStreamXApp App { get; } = new(new Dictionary<string, string?>
    {
        ["LSX:RateLimits:UserPerMinute"] = "60",
        ["LSX:RateLimits:UserBurst"] = "3",
        ["LSX:RateLimits:AnonymousPerMinute"] = "60",
        ["LSX:RateLimits:AnonymousBurst"] = "2",
    });

    public void Dispose() => App.Dispose();
}

public sealed class RestRateLimitTests(RestRateLimitFixture fixture) : IClassFixture<RestRateLimitFixture>
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AUserOverTheLimitGetsA429ProblemWithRetryAfterAndOthersGoOn()
    {
        using var ada = App.Http(Token());
        using var bob = App.Http(Token());

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await Refusals.SendAsync(ada, HttpMethod.Get, "/api/streams", null)).Status);
        }

        using var refused = await ada.GetAsync("/api/streams").WithTimeout();
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var (bobs, _) = await Refusals.SendAsync(bob, HttpMethod.Get, "/api/streams", null);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate_limited", problem.Code());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, bobs);

        // Refilled about one call a second: a refused caller is let in again soon, not after a minute.
        await Timeouts.Eventually(
            async () => (await Refusals.SendAsync(ada, HttpMethod.Get, "/api/streams", null)).Status == HttpStatusCode.OK,
            "the user's bucket has refilled a call", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AnonymousCallersShareTheirAddresssLimitButNotTheHealthChecks()
    {
        using var anonymous = App.Http();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Refusals.SendAsync(anonymous, HttpMethod.Get, $"/api/users/{TestIds.User()}", null)).Status);
        }

        using var health = await anonymous.GetAsync("/healthz").WithTimeout();
        using var signedIn = App.Http(Token());
        var (user, _) = await Refusals.SendAsync(signedIn, HttpMethod.Get, "/api/streams", null);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, user);
    }

    private string Token() => App.Services.GetRequiredService<ITokenIssuer>()
        .Issue(new UserProfile(TestIds.User(), TestIds.Handle(), Role.Viewer, DateTimeOffset.UtcNow)).Token;
}
