using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Chat;

[Collection(BrowserCollection.Name)]
public sealed class ChatRendersTextTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task MarkupInAMessageIsShownAsTextNotHtml()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);

        await using var senderContext = await fixture.NewContextAsync();
        await using var readerContext = await fixture.NewContextAsync();
        var sender = await senderContext.SignInAsync(TestIds.Handle("s"));
        var reader = await readerContext.NewPageAsync(); // anonymous: may watch, may not chat
        await sender.OpenWatchPageAsync(streamId);
        await reader.OpenWatchPageAsync(streamId);

        const string markup = "<img src=x onerror=\"window.__pwned=1\">bold</b>";
        await sender.SendChatAsync(markup);

        foreach (var page in new[] { reader, sender })
        {
            var line = page.ChatMessages(markup);
            await Expect(line).ToHaveCountAsync(1);
            await Expect(line.GetByTestId("chat-text")).ToHaveTextAsync(markup);
            await Expect(page.GetByTestId("chat-list").Locator("img")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("chat-list").Locator("b")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "window.__pwned was set: the message ran as HTML.");
        }
    }
}
