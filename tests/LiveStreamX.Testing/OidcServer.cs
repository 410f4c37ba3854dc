using System.Diagnostics;
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
    private Process? _process;

    private OidcServer()
    {
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>The issuer, e.g. http://127.0.0.1:23456.</summary>
    public Uri Issuer => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts a provider that knows <paramref name="clients"/>.</summary>
    public static async Task<OidcServer> StartAsync(params OidcClient[] clients)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Oidc");
        await NpmFolder.InstallAsync(folder, "oidc-provider");
        var server = new OidcServer();
        await File.WriteAllTextAsync(server._clientsFile, JsonSerializer.Serialize(clients.Select(c => new Dictionary<string, object>
        {
            ["client_id"] = c.ClientId,
            ["client_secret"] = c.ClientSecret,
            ["redirect_uris"] = new[] { c.RedirectUri.ToString() },
        })));
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "server.mjs", server.Port.ToString(), server._clientsFile })
        {
            start.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        server._process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        server._process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("ready ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        server._process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(Timeouts.Default);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The OIDC test server did not start:\n{output}");
        }

        return server;
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        File.Delete(_clientsFile);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A client the test provider knows.</summary>
public sealed record OidcClient(string ClientId, string ClientSecret, Uri RedirectUri);
