using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Media;

/// <summary>One Api node on a fresh Azurite, with real ffmpeg, for the segment tests; uploads over 4 MiB are too large here.</summary>
public sealed class SegmentsFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    private AzuriteServer? _azurite;

    public LiveStreamXApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        App = new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Media:Blob:ConnectionString"] = _azurite.ConnectionString,
            ["LSX:Segments:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LSX:Segments:WorkerPollSeconds"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        App?.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SegmentsCollection : ICollectionFixture<SegmentsFixture>
{
    public const string Name = "segments";
}
