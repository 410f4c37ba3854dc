using LiveStreamX.Testing;
using Microsoft.Playwright;

namespace LiveStreamX.Web.Tests;

/// <summary>
/// One real Api node serving the built web client (Kestrel on a free port, embedded silo) and one headless
/// Chromium, shared by a collection. Each test opens its own browser contexts: separate sessions, since the web
/// client keeps its session in the context's localStorage.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; test.sh installs it with apt. Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private LiveStreamXApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LiveStreamXApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: run ./test.sh (it installs it with apt), or apt-get install -y chromium. " +
                "Do not run 'playwright install'.");
        }

        // Every Playwright wait is bounded by the same timeout as the rest of the tests.
        Assertions.SetDefaultExpectTimeout((float)Timeouts.Default.TotalMilliseconds);
        _app = await StartAppAsync();
        _playwright = await Playwright.CreateAsync().WithTimeout();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = (float)Timeouts.Default.TotalMilliseconds,
        }).WithTimeout();
    }

    /// <summary>The Api node the browser talks to: a plain one unless a fixture needs more (sign-in providers, say).</summary>
    protected virtual Task<LiveStreamXApp> StartAppAsync() => Task.FromResult(new LiveStreamXApp());

    /// <summary>A desktop window.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>A phone held upright (390 × 844 CSS pixels, an iPhone 12–15's).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A fresh browser session (own localStorage) whose relative URLs go to the Api; a desktop window unless told.</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var browser = _browser ?? throw new InvalidOperationException("The fixture has not started.");
        var phone = viewport is not null && viewport.Width < 600;
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            IsMobile = phone,
            HasTouch = phone,
        }).WithTimeout();
        context.SetDefaultTimeout((float)Timeouts.Default.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeouts.Default.TotalMilliseconds);
        return context;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().WithTimeout();
        }

        _playwright?.Dispose();
        _app?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
