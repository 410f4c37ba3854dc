using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>Two real OpenID Connect providers and one Api node that signs in through them (<see cref="TestProviders"/>).</summary>
public sealed class ProvidersFixture : IAsyncLifetime
{
    private TestProviders? _providers;
    private LiveStreamXApp? _app;

    public OidcServer First => _providers?.First ?? throw new InvalidOperationException("The fixture has not started.");

    public LiveStreamXApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _providers = await TestProviders.StartAsync();
        _app = new LiveStreamXApp(_providers.Settings(), port: _providers.ApiPort);
    }

    public async Task DisposeAsync()
    {
        _app?.Dispose();
        if (_providers is not null)
        {
            await _providers.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProvidersCollection : ICollectionFixture<ProvidersFixture>
{
    public const string Name = "providers";
}
