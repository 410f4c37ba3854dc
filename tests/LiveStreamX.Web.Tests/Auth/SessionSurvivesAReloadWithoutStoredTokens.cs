using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Auth;

[Collection(BrowserCollection.Name)]
public sealed class SessionSurvivesAReloadWithoutStoredTokens(BrowserFixture fixture)
{
    [Fact]
    public async Task AReloadStaysSignedInThroughTheHttpOnlyCookieAndNoTokenIsStored()
    {
        await using var context = await fixture.NewContextAsync();
        var handle = TestIds.Handle("r");
        var page = await context.SignInAsync(handle);

        await page.ReloadAsync();
        await Expect(page.GetByTestId("session-user")).ToHaveTextAsync(handle);

        // Nothing script can read holds a token: no storage, and the refresh cookie is httpOnly.
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])");
        Assert.DoesNotContain("eyJ", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("lsx_refresh", stored, StringComparison.Ordinal);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "lsx_refresh");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal("/api/auth", cookie.Path);

        // A second tab of the same browser is signed in too.
        var second = await context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.GetByTestId("session-user")).ToHaveTextAsync(handle);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionSoAReloadIsSignedOut()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.SignInAsync(TestIds.Handle("o"));

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-handle")).ToBeVisibleAsync();
        await Timeouts.Eventually(async () => (await context.CookiesAsync()).All(c => c.Name != "lsx_refresh"), "the refresh cookie is cleared");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("login-handle")).ToBeVisibleAsync();
    }
}
