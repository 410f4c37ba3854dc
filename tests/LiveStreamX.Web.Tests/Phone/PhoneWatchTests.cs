using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Phone;

/// <summary>The watch page's main flows on a 390 × 844 phone, by touch and by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWatchTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AViewerOnAPhoneSignsInSendsAGiftReactsAndChatsThroughTheDrawer()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var context = await fixture.NewContextAsync(BrowserFixture.Phone);
        var handle = TestIds.Handle("v");
        var page = await context.SignInAsync(handle);
        await page.OpenWatchPageAsync(streamId);
        await AssertNoSidewaysScrollingAsync(page);

        // The gift bar is on the page, not behind the chat: a tap sends.
        await page.Locator("[data-testid='gift-option'][data-gift-code='rose']").TapAsync();
        await page.GetByTestId("gift-send").TapAsync();
        await Expect(page.GetByTestId("wallet-balance")).ToHaveTextAsync("999");

        // Reactions by tap.
        await page.GetByTestId("reaction-hype").TapAsync();
        await Expect(page.GetByTestId("mood-meter")).ToHaveAttributeAsync("data-dominant", "hype");

        // The chat is a drawer: closed, its box is out of reach; the toggle opens it, Escape closes it.
        await Expect(page.GetByTestId("chat-input")).Not.ToBeVisibleAsync();
        await page.GetByTestId("chat-drawer-toggle").TapAsync();
        await Expect(page.GetByTestId("chat-drawer-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.SendChatAsync("hello from a phone");
        await Expect(page.ChatMessages("hello from a phone")).ToHaveCountAsync(1);
        await page.GetByTestId("chat-input").PressAsync("Escape");
        await Expect(page.GetByTestId("chat-input")).Not.ToBeVisibleAsync();
        await page.ScreenshotIfAskedAsync("lsx-phone-watch");
    }

    [Fact]
    public async Task TheKeyboardReachesGiftsReactionsAndChat()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var context = await fixture.NewContextAsync(BrowserFixture.Phone);
        var page = await context.SignInAsync(TestIds.Handle("v"));
        await page.OpenWatchPageAsync(streamId);

        await page.Locator("[data-testid='gift-option'][data-gift-code='rose']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("gift-send").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("wallet-balance")).ToHaveTextAsync("999");

        await page.GetByTestId("reaction-love").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByTestId("mood-meter")).ToHaveAttributeAsync("data-dominant", "love");

        await page.GetByTestId("chat-drawer-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("chat-input").FocusAsync();
        await page.Keyboard.TypeAsync("typed, not tapped");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.ChatMessages("typed, not tapped")).ToHaveCountAsync(1);
    }

    /// <summary>Nothing sticks out to the right: a phone page that scrolls sideways hides its fixed controls.</summary>
    private static async Task AssertNoSidewaysScrollingAsync(Microsoft.Playwright.IPage page)
    {
        var wider = await page.EvaluateAsync<string[]>(
            @"() => {
                const width = window.innerWidth;
                const clipped = e => {
                  for (let p = e.parentElement; p; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                  }
                  return false;
                };
                return document.documentElement.scrollWidth <= width ? [] : [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > width + 1 && !clipped(e))
                  .slice(0, 8)
                  .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right));
              }");
        Assert.True(wider.Length == 0, "wider than the phone: " + string.Join(", ", wider));
    }
}
