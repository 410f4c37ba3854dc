namespace LiveStreamX.Testing;

/// <summary>
/// Two real OpenID Connect providers, <c>oidc</c> and <c>oidc2</c> (both generic), whose clients call back to an Api
/// node on <see cref="ApiPort"/>, chosen before it starts; <see cref="Settings"/> configures that node for them.
/// </summary>
public sealed class TestProviders : IAsyncDisposable
{
    public const string Secret = "test-client-secret-0123456789";

    /// <summary>The login at <c>oidc</c> that the settings' LSX:Auth:Admins names.</summary>
    public const string AdminLogin = "the_operator";

    private TestProviders(int apiPort, OidcServer first, OidcServer second) => (ApiPort, First, Second) = (apiPort, first, second);

    public int ApiPort { get; }

    public OidcServer First { get; }

    public OidcServer Second { get; }

    public static async Task<TestProviders> StartAsync()
    {
        var port = FreePort.Next();
        var first = await StartProviderAsync(port, "oidc");
        return new TestProviders(port, first, await StartProviderAsync(port, "oidc2"));
    }

    /// <summary>The settings of a node that signs in through both; Google is named without a client id, so it must not show.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["LSX:Auth:AllowInsecureHttp"] = "true",
        ["LSX:Auth:Admins:0"] = "oidc:" + AdminLogin,
        ["LSX:Auth:Providers:Google:ClientId"] = string.Empty,
        ["LSX:Auth:Providers:oidc:Issuer"] = First.Issuer.ToString(),
        ["LSX:Auth:Providers:oidc:ClientId"] = "lsx-oidc",
        ["LSX:Auth:Providers:oidc:ClientSecret"] = Secret,
        ["LSX:Auth:Providers:oidc:DisplayName"] = "Test ID",
        ["LSX:Auth:Providers:oidc2:Issuer"] = Second.Issuer.ToString(),
        ["LSX:Auth:Providers:oidc2:ClientId"] = "lsx-oidc2",
        ["LSX:Auth:Providers:oidc2:ClientSecret"] = Secret,
    };

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }

    private static Task<OidcServer> StartProviderAsync(int apiPort, string id) =>
        OidcServer.StartAsync(new OidcClient("lsx-" + id, Secret, new Uri($"http://127.0.0.1:{apiPort}/api/auth/callback/{id}")));
}
