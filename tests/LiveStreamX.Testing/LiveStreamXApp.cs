using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiveStreamX.Api.Identity;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Testing;

/// <summary>
/// The real Api (embedded silo) on Kestrel at a free loopback port, so tests talk to it over real HTTP and
/// WebSockets. Each instance has its own cluster id and ports.
/// </summary>
public sealed class LiveStreamXApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <summary>A node with <paramref name="settings"/> over the test defaults; <paramref name="configure"/> adds to its host (a log sink, say).</summary>
    /// <remarks><paramref name="port"/>: a port chosen before the node starts (an OAuth provider must know the callback first); 0 for any.</remarks>
    public LiveStreamXApp(IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null, int port = 0)
    {
        _configure = configure;
        _settings = new Dictionary<string, string?>
        {
            ["LSX:Orleans:ClusterId"] = TestIds.Cluster(),
            ["LSX:Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["LSX:Orleans:GatewayPort"] = FreePort.Next().ToString(),
            ["LSX:Api:DemoData"] = "false",
            ["LSX:Auth:SigningKey"] = "test-signing-key-" + Guid.NewGuid().ToString("N"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests call from one address, many times a second; the limiter stays in the pipeline, its limits out of
            // reach (RestRateLimitTests sets its own).
            ["LSX:RateLimits:UserPerMinute"] = "1000000",
            ["LSX:RateLimits:UserBurst"] = "1000000",
            ["LSX:RateLimits:AnonymousPerMinute"] = "1000000",
            ["LSX:RateLimits:AnonymousBurst"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(port);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where Kestrel listens, for example http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Http(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeouts.Default };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Signs in through the real endpoint; a random handle unless one is given.</summary>
    public async Task<TestUser> SignInAsync(string role = "viewer", string? handle = null)
    {
        handle ??= TestIds.Handle(role[..1]);
        using var http = Http();
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle, role }).WithTimeout();
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SignInBody>().WithTimeout();
        return new TestUser(body!.User.Id, body.User.Handle, body.AccessToken);
    }

    /// <summary>An admin token: dev-login never makes admins, so tests mint one with the node's own issuer.</summary>
    public TestUser Admin()
    {
        var profile = new UserProfile("u_admin_" + Guid.NewGuid().ToString("N")[..8], "admin_" + Guid.NewGuid().ToString("N")[..6], Role.Admin, DateTimeOffset.UtcNow);
        var token = Services.GetRequiredService<ITokenIssuer>().Issue(profile);
        return new TestUser(profile.Id, profile.Handle, token.Token);
    }

    /// <summary>Creates a stream as <paramref name="creator"/> and, unless told otherwise, starts it.</summary>
    public async Task<string> CreateStreamAsync(TestUser creator, bool live = true, string title = "Test stream")
    {
        using var http = Http(creator.Token);
        using var created = await http.PostAsJsonAsync("/api/streams", new { title, category = "testing" }).WithTimeout();
        created.EnsureSuccessStatusCode();
        var stream = await created.Content.ReadFromJsonAsync<IdBody>().WithTimeout();
        if (live)
        {
            using var started = await http.PostAsync($"/api/streams/{stream!.Id}/start", null).WithTimeout();
            started.EnsureSuccessStatusCode();
        }

        return stream!.Id;
    }

    public HubClient Hub(TestUser? user = null, bool webSocketsOnly = false) => new(new Uri(BaseAddress, "/hubs/live"), user?.Token, webSocketsOnly);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        _configure?.Invoke(builder);
    }

    private sealed record SignInBody(string AccessToken, UserBody User);

    private sealed record UserBody(string Id, string Handle, string Role);

    private sealed record IdBody(string Id);
}

/// <summary>A signed-in test user.</summary>
public sealed record TestUser(string Id, string Handle, string Token);
