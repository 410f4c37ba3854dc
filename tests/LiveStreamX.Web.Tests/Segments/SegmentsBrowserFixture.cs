using LiveStreamX.Testing;

namespace LiveStreamX.Web.Tests.Segments;

/// <summary>The browser fixture over an Api node whose media store is a real Azurite (and whose worker runs real ffmpeg).</summary>
public sealed class SegmentsBrowserFixture : BrowserFixture
{
    private AzuriteServer? _azurite;

    protected override async Task<LiveStreamXApp> StartAppAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        return new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Media:Blob:ConnectionString"] = _azurite.ConnectionString,
            ["LSX:Segments:WorkerPollSeconds"] = "1",
        });
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
public sealed class SegmentsBrowserCollection : ICollectionFixture<SegmentsBrowserFixture>
{
    public const string Name = "browser-segments";
}
