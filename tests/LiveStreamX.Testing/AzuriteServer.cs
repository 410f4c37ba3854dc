namespace LiveStreamX.Testing;

/// <summary>
/// Azurite's blob service (npm <c>azurite</c>, in its own folder Azurite/: it hoists a tough-cookie that breaks other
/// packages) on a free loopback port, in memory. Installed on first use; one per test class or collection
/// (<see cref="AzuriteFixture"/>).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string Account = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="Account"/> (public, in Azurite's documentation).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private NodeServer? _node;

    private AzuriteServer()
    {
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>A connection string with the account key, for <c>LSX:Media:Blob:ConnectionString</c>.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer();
        // The SDK speaks a newer API version than Azurite knows (--skipApiVersionCheck); telemetry cannot reach out.
        server._node = await NodeServer.StartAsync(
            "Azurite", "azurite", "Azurite Blob service successfully listens",
            "node_modules/azurite/dist/src/blob/main.js", "--blobHost", "127.0.0.1", "--blobPort", server.Port.ToString(),
            "--inMemoryPersistence", "--extentMemoryLimit", "1024", "--disableTelemetry", "--skipApiVersionCheck", "--silent");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}

/// <summary>One Azurite per test class (<c>IClassFixture</c>) or collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
