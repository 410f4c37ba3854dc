using LiveStreamX.Testing;

namespace LiveStreamX.Web.Tests.Vod;

/// <summary>The browser fixture over an Api node whose media store is a real Azurite (the production store's API).</summary>
public sealed class VodBrowserFixture : BrowserFixture
{
    private AzuriteServer? _azurite;

    public AzuriteServer Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    protected override async Task<LiveStreamXApp> StartAppAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        return new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Media:Blob:ConnectionString"] = _azurite.ConnectionString });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class VodBrowserCollection : ICollectionFixture<VodBrowserFixture>
{
    public const string Name = "vod-browser";
}
