using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Engagement;

[Collection(BrowserCollection.Name)]
public sealed class PollAcrossBrowsersTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheCreatorOpensAPollAViewerVotesAndTheCreatorSeesTheTally()
    {
        var creatorHandle = TestIds.Handle("c");
        await using var creatorContext = await fixture.NewContextAsync();
        await using var viewerContext = await fixture.NewContextAsync();
        var studio = await creatorContext.SignInAsync(creatorHandle, "creator");
        var creator = await App.SignInAsync("creator", creatorHandle);
        var streamId = await App.CreateStreamAsync(creator);
        await studio.OpenWatchPageAsync(streamId);

        await studio.GetByTestId("poll-create-question").FillAsync("Which song next?");
        var options = studio.GetByTestId("poll-create-option");
        await options.Nth(0).FillAsync("Ballad");
        await options.Nth(1).FillAsync("Anthem");
        await studio.GetByTestId("poll-create-duration").SelectOptionAsync("300");
        await studio.GetByTestId("poll-create-submit").ClickAsync();
        await Expect(studio.GetByTestId("poll-question")).ToHaveTextAsync("Which song next?");

        var viewer = await viewerContext.SignInAsync(TestIds.Handle("v"));
        await viewer.OpenWatchPageAsync(streamId);
        await Expect(viewer.GetByTestId("poll-question")).ToHaveTextAsync("Which song next?");
        await viewer.Locator("[data-testid='poll-option'][data-option-index='1']").ClickAsync();

        var anthem = studio.Locator("[data-testid='poll-result'][data-option-index='1']").GetByTestId("poll-tally");
        await Expect(anthem).ToHaveTextAsync("1");
        await Expect(studio.Locator("[data-testid='poll-result'][data-option-index='0']").GetByTestId("poll-tally")).ToHaveTextAsync("0");
        await studio.ScreenshotIfAskedAsync("lsx-poll");
    }
}
