using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>
/// Two real OpenID Connect providers (<c>oidc</c> and <c>oidc2</c>, both generic) and one Api node that signs in
/// through them; Google is named without a client id, so it must not show.
/// </summary>
public sealed class ProvidersFixture : IAsyncLifetime
{
    public const string Secret = "test-client-secret-0123456789";

    /// <summary>The login at <c>oidc</c> that LSX:Auth:Admins names.</summary>
    public const string AdminLogin = "the_operator";

    private LiveStreamXApp? _app;

    public OidcServer First { get; private set; } = null!;

    public OidcServer Second { get; private set; } = null!;

    public LiveStreamXApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        First = await StartProviderAsync(port, "oidc");
        Second = await StartProviderAsync(port, "oidc2");
        _app = new LiveStreamXApp(Settings(First, Second), port: port);
    }

    /// <summary>The settings of a node that signs in through <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static Dictionary<string, string?> Settings(OidcServer first, OidcServer second) => new()
    {
        ["LSX:Auth:AllowInsecureHttp"] = "true",
        ["LSX:Auth:Admins:0"] = "oidc:" + AdminLogin,
        ["LSX:Auth:Providers:Google:ClientId"] = string.Empty,
        ["LSX:Auth:Providers:oidc:Issuer"] = first.Issuer.ToString(),
        ["LSX:Auth:Providers:oidc:ClientId"] = "lsx-oidc",
        ["LSX:Auth:Providers:oidc:ClientSecret"] = Secret,
        ["LSX:Auth:Providers:oidc:DisplayName"] = "Test ID",
        ["LSX:Auth:Providers:oidc2:Issuer"] = second.Issuer.ToString(),
        ["LSX:Auth:Providers:oidc2:ClientId"] = "lsx-oidc2",
        ["LSX:Auth:Providers:oidc2:ClientSecret"] = Secret,
    };

    /// <summary>A provider whose one client calls back to <c>/api/auth/callback/{id}</c> on the Api's port.</summary>
    public static Task<OidcServer> StartProviderAsync(int apiPort, string id) =>
        OidcServer.StartAsync(new OidcClient("lsx-" + id, Secret, new Uri($"http://127.0.0.1:{apiPort}/api/auth/callback/{id}")));

    public async Task DisposeAsync()
    {
        _app?.Dispose();
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProvidersCollection : ICollectionFixture<ProvidersFixture>
{
    public const string Name = "providers";
}
