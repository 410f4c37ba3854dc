using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Chat;

[Collection(BrowserCollection.Name)]
public sealed class ChatAcrossBrowsersTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AMessageSentOnTheWatchPageAppearsInASecondBrowserContext()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);

        await using var contextA = await fixture.NewContextAsync();
        await using var contextB = await fixture.NewContextAsync();
        var a = await contextA.SignInAsync(TestIds.Handle("a"));
        var b = await contextB.SignInAsync(TestIds.Handle("b"));
        await a.OpenWatchPageAsync(streamId);
        await b.OpenWatchPageAsync(streamId);
        await Expect(b.GetByTestId("viewer-count")).ToHaveTextAsync("2");
        await Expect(a.GetByTestId("viewer-count")).ToHaveTextAsync("2");

        var text = "hello from A " + Guid.NewGuid().ToString("N")[..8];
        await a.SendChatAsync(text);

        await Expect(b.ChatMessages(text)).ToHaveCountAsync(1);
        await Expect(a.ChatMessages(text)).ToHaveCountAsync(1); // the sender sees the broadcast once, not the reply too

        // Chat arrives in seq order: once a later message is shown, a repeat of the first could only have come before it.
        var later = "and again " + Guid.NewGuid().ToString("N")[..8];
        await a.SendChatAsync(later);
        await Expect(b.ChatMessages(later)).ToHaveCountAsync(1);
        await Expect(b.ChatMessages(text)).ToHaveCountAsync(1);
        await Expect(a.ChatMessages(text)).ToHaveCountAsync(1);

        await a.ScreenshotIfAskedAsync("lsx-watch");
    }
}
