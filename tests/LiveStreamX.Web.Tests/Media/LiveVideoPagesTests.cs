using LiveStreamX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Media;

/// <summary>
/// The live video pages in Debian's Chromium, which has no camera here: without LiveKit both pages say so; with
/// LiveKit configured (no server runs), Chromium's fake camera fills the go-live preview and a browser without one
/// gets a message a creator can act on.
/// </summary>
public sealed class LiveVideoPagesTests : IAsyncLifetime
{
    private static readonly string[] BaseArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private LiveStreamXApp _plain = null!;
    private LiveStreamXApp _withLiveKit = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowser _fakeCamera = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Timeouts.Default.TotalMilliseconds);
        _plain = new LiveStreamXApp();
        _withLiveKit = new LiveStreamXApp(LiveKitPeer.Random().Settings($"ws://127.0.0.1:{FreePort.Next()}"));
        _playwright = await Playwright.CreateAsync().WithTimeout();
        _browser = await LaunchAsync(BaseArgs);
        // A generated test pattern and tone, and the permission prompt answered yes.
        _fakeCamera = await LaunchAsync([.. BaseArgs, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
    }

    public async Task DisposeAsync()
    {
        await _fakeCamera.CloseAsync().WithTimeout();
        await _browser.CloseAsync().WithTimeout();
        _playwright.Dispose();
        _withLiveKit.Dispose();
        _plain.Dispose();
    }

    [Fact]
    public async Task WithoutLiveKitTheWatchPageAndTheGoLivePageSaySo()
    {
        var creator = await _plain.SignInAsync("creator");
        var stream = await _plain.CreateStreamAsync(creator);
        await using var context = await NewContextAsync(_browser, _plain);
        var page = await context.SignInAsync(creator.Handle, "creator");

        await page.OpenWatchPageAsync(stream);
        await Expect(page.GetByTestId("live-not-configured")).ToContainTextAsync("not set up");

        await page.GotoAsync($"/studio/streams/{stream}/go-live");
        await Expect(page.GetByTestId("go-live-not-configured")).ToContainTextAsync("chat stream");
    }

    [Fact]
    public async Task TheGoLivePagePreviewsChromiumsFakeCamera()
    {
        var handle = TestIds.Handle("c");
        await using var context = await NewContextAsync(_fakeCamera, _withLiveKit);
        var page = await context.SignInAsync(handle, "creator");
        var creator = await _withLiveKit.SignInAsync("creator", handle);
        var stream = await _withLiveKit.CreateStreamAsync(creator, live: false);

        await page.GotoAsync($"/studio/streams/{stream}/go-live");

        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('[data-testid=go-live-preview]'); return v && v.videoWidth > 0 && v.currentTime > 0; }",
            null,
            new() { Timeout = (float)Timeouts.Default.TotalMilliseconds });
        await Expect(page.GetByTestId("camera-select").Locator("option")).Not.ToHaveCountAsync(1);
        await Expect(page.GetByTestId("go-live-start")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("device-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AGoLivePageWithoutACameraSaysWhatToDo()
    {
        var handle = TestIds.Handle("c");
        await using var context = await NewContextAsync(_browser, _withLiveKit);
        await context.GrantPermissionsAsync(["camera", "microphone"]);
        var page = await context.SignInAsync(handle, "creator");
        var creator = await _withLiveKit.SignInAsync("creator", handle);
        var stream = await _withLiveKit.CreateStreamAsync(creator, live: false);

        await page.GotoAsync($"/studio/streams/{stream}/go-live");

        await Expect(page.GetByTestId("device-error")).ToContainTextAsync("camera");
        await Expect(page.GetByTestId("go-live-start")).ToBeDisabledAsync();
    }

    private Task<IBrowser> LaunchAsync(string[] args) => _playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = BrowserFixture.ChromiumPath,
        Headless = true,
        Args = args,
        Timeout = (float)Timeouts.Default.TotalMilliseconds,
    }).WithTimeout();

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, LiveStreamXApp app)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = BrowserFixture.Desktop }).WithTimeout();
        context.SetDefaultTimeout((float)Timeouts.Default.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeouts.Default.TotalMilliseconds);
        return context;
    }
}
