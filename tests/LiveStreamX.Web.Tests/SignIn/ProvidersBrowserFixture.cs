using LiveStreamX.Testing;

namespace LiveStreamX.Web.Tests.SignIn;

/// <summary>The browser fixture over an Api node that signs in through two real OpenID Connect providers.</summary>
public sealed class ProvidersBrowserFixture : BrowserFixture
{
    private TestProviders? _providers;

    protected override async Task<LiveStreamXApp> StartAppAsync()
    {
        _providers = await TestProviders.StartAsync();
        return new LiveStreamXApp(_providers.Settings(), port: _providers.ApiPort);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_providers is not null)
        {
            await _providers.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProvidersBrowserCollection : ICollectionFixture<ProvidersBrowserFixture>
{
    public const string Name = "browser-providers";
}
