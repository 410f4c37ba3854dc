using System.Text.Json;

namespace LiveStreamX.Testing;

/// <summary>
/// A real OpenID Connect provider (npm <c>oidc-provider</c>, Oidc/server.mjs) on a free loopback port, with its
/// development login page: any login and password sign in, and the login is the subject. Its npm packages are
/// installed on first use (<c>npm ci</c>), so a fresh machine needs only Node and npm.
/// </summary>
public sealed class OidcServer : IAsyncDisposable
{
    private readonly string _clientsFile = Path.GetTempFileName();
    private NodeServer? _node;

    private OidcServer()
    {
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>The issuer, e.g. http://127.0.0.1:23456.</summary>
    public Uri Issuer => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts a provider that knows <paramref name="clients"/>.</summary>
    public static async Task<OidcServer> StartAsync(params OidcClient[] clients)
    {
        var server = new OidcServer();
        await File.WriteAllTextAsync(server._clientsFile, JsonSerializer.Serialize(clients.Select(c => new Dictionary<string, object>
        {
            ["client_id"] = c.ClientId,
            ["client_secret"] = c.ClientSecret,
            ["redirect_uris"] = new[] { c.RedirectUri.ToString() },
        })));
        try
        {
            server._node = await NodeServer.StartAsync("Oidc", "oidc-provider", "ready ", "server.mjs", server.Port.ToString(), server._clientsFile);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        File.Delete(_clientsFile);
    }
}

/// <summary>A client the test provider knows.</summary>
public sealed record OidcClient(string ClientId, string ClientSecret, Uri RedirectUri);
