using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Moderation;

[Collection(BrowserCollection.Name)]
public sealed class ModeratorToolsInChatTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheCreatorDeletesALineAndBansItsAuthorFromTheLinesMenu()
    {
        var handle = TestIds.Handle("c");
        var creator = await App.SignInAsync("creator", handle);
        var streamId = await App.CreateStreamAsync(creator);
        await using var hostContext = await fixture.NewContextAsync();
        await using var viewerContext = await fixture.NewContextAsync();
        var host = await hostContext.SignInAsync(handle, "creator");
        var viewer = await viewerContext.SignInAsync(TestIds.Handle("v"));
        await host.OpenWatchPageAsync(streamId);
        await viewer.OpenWatchPageAsync(streamId);

        var rude = "rude words " + Guid.NewGuid().ToString("N")[..8];
        await viewer.SendChatAsync(rude);
        await Expect(host.ChatMessages(rude)).ToHaveCountAsync(1);
        // A viewer has no moderator menu; the creator has one on other people's lines.
        await Expect(viewer.ChatMessages(rude).GetByTestId("chat-mod-menu")).ToHaveCountAsync(0);
        var line = host.ChatMessages(rude);
        await line.GetByTestId("chat-mod-menu").Locator("summary").ClickAsync();
        await line.GetByTestId("chat-mod-delete").ClickAsync();

        await Expect(viewer.ChatMessages(rude)).ToHaveCountAsync(0);
        await Expect(host.ChatMessages(rude)).ToHaveCountAsync(0);

        var again = "more rude words " + Guid.NewGuid().ToString("N")[..8];
        await viewer.SendChatAsync(again);
        var next = host.ChatMessages(again);
        await next.GetByTestId("chat-mod-menu").Locator("summary").ClickAsync();
        await next.GetByTestId("chat-mod-ban").ClickAsync();

        await Expect(viewer.GetByTestId("chat-input")).ToBeDisabledAsync();
        await Expect(viewer.GetByText("You are banned from this chat.")).ToBeVisibleAsync();
        await host.ScreenshotIfAskedAsync("lsx-moderation-menu");
    }
}
