using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Gifts;

[Collection(BrowserCollection.Name)]
public sealed class CommandGiftOverlayTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AViewersCommandGiftShowsItsOverlayOnTheCreatorsPage()
    {
        var creatorHandle = TestIds.Handle("c");
        await using var creatorContext = await fixture.NewContextAsync();
        await using var viewerContext = await fixture.NewContextAsync();
        var creatorPage = await creatorContext.SignInAsync(creatorHandle, "creator");
        var creator = await App.SignInAsync("creator", creatorHandle);
        var streamId = await App.CreateStreamAsync(creator);
        using (var http = App.Http(creator.Token))
        {
            using var saved = await http.PutAsJsonAsync($"/api/streams/{streamId}/command-gifts", new
            {
                mappings = new[] { new { giftCode = "heart", action = "spotlight-message", @params = (object)new { text = "Big thanks!", durationMs = 8000 } } },
            }).WithTimeout();
            saved.EnsureSuccessStatusCode();
        }

        await creatorPage.OpenWatchPageAsync(streamId);
        var viewer = await viewerContext.SignInAsync(TestIds.Handle("v"));
        await viewer.OpenWatchPageAsync(streamId);

        await viewer.Locator("[data-testid='gift-option'][data-gift-code='heart']").ClickAsync();
        await viewer.GetByTestId("gift-send").ClickAsync();

        var spotlight = creatorPage.GetByTestId("overlay-spotlight-message");
        await Expect(spotlight).ToBeVisibleAsync();
        await Expect(spotlight).ToContainTextAsync("Big thanks!");
        await Expect(creatorPage.GetByTestId("gift-animation")).ToHaveCountAsync(1);
        await Expect(viewer.GetByTestId("wallet-balance")).ToHaveTextAsync("995");
        await creatorPage.ScreenshotIfAskedAsync("lsx-overlay");
    }

    [Fact]
    public async Task TheSpinWheelLandsOnTheServersResultAndVerifiesInTheBrowser()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        using (var http = App.Http(creator.Token))
        {
            using var saved = await http.PutAsJsonAsync($"/api/streams/{streamId}/command-gifts", new
            {
                mappings = new[] { new { giftCode = "rose", action = "spin-wheel", @params = (object)new { segments = new[] { "Dance", "Song", "Joke" } } } },
            }).WithTimeout();
            saved.EnsureSuccessStatusCode();
        }

        await using var context = await fixture.NewContextAsync();
        var viewer = await context.SignInAsync(TestIds.Handle("v"));
        await viewer.OpenWatchPageAsync(streamId);
        await viewer.Locator("[data-testid='gift-option'][data-gift-code='rose']").ClickAsync();
        await viewer.GetByTestId("gift-send").ClickAsync();

        await Expect(viewer.GetByTestId("wheel")).ToBeVisibleAsync();
        var wheel = await App.Http().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/streams/{streamId}/wheel").WithTimeout();
        var landed = wheel.GetProperty("revealed")[0].GetProperty("segmentIndex").GetInt32();
        await Expect(viewer.GetByTestId("wheel")).ToHaveAttributeAsync("data-segment-index", landed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await viewer.GetByTestId("wheel-verify").ClickAsync();
        await Expect(viewer.GetByTestId("wheel-verify-result")).ToContainTextAsync("verified");
        await viewer.ScreenshotIfAskedAsync("lsx-wheel");
    }
}
