using LiveStreamX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.SignIn;

/// <summary>
/// The whole OAuth flow in a real browser against real OpenID Connect providers: sign in, sign in at the provider,
/// come back, pick a handle; link a second provider and unlink the first; a forged callback lands on the sign-in page.
/// </summary>
[Collection(ProvidersBrowserCollection.Name)]
public sealed class SignInWithAProviderTests(ProvidersBrowserFixture fixture)
{
    [Fact]
    public async Task SigningInWithAProviderPicksAHandleThenLinksASecondProvider()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("nav-signin").ClickAsync();
        var found = new List<string>(await Accessibility.AccessibilityTests.CheckAsync(page, null, "signin-provider-oidc"));
        await page.GetByTestId("signin-provider-oidc").ClickAsync();
        await SignInAtProviderAsync(page, TestIds.Handle("l"));

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin/handle$"));
        found.AddRange(await Accessibility.AccessibilityTests.CheckAsync(page, null, "signup-handle"));
        var handle = TestIds.Handle("w");
        await page.GetByTestId("signup-handle").FillAsync(handle);
        await page.GetByTestId("signup-submit").ClickAsync();
        await Expect(page.GetByTestId("session-user")).ToHaveTextAsync(handle);
        await page.ScreenshotIfAskedAsync("signin-signed-up");

        await page.GetByTestId("nav-account").ClickAsync();
        await Expect(page.GetByTestId("account-login-oidc")).ToContainTextAsync("Test ID");
        await page.GetByTestId("link-oidc2").ClickAsync();
        await SignInAtProviderAsync(page, TestIds.Handle("m"));

        await Expect(page.GetByTestId("account-linked")).ToContainTextAsync("oidc2");
        await Expect(page.GetByTestId("account-login-oidc2")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("session-user")).ToHaveTextAsync(handle);
        await page.ScreenshotIfAskedAsync("signin-account");
        found.AddRange(await Accessibility.AccessibilityTests.CheckAsync(page, null, "account-logins"));
        Assert.True(found.Count == 0, "axe:\n" + string.Join("\n", found));

        await page.GetByTestId("unlink-oidc").ClickAsync();
        await Expect(page.GetByTestId("account-login-oidc")).ToHaveCountAsync(0);
        await page.GetByTestId("unlink-oidc2").ClickAsync();
        await Expect(page.GetByTestId("account-error")).ToContainTextAsync("only way to sign in");
        await Expect(page.GetByTestId("account-login-oidc2")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ASecondSignInWithTheSameProviderAccountComesBackSignedIn()
    {
        var login = TestIds.Handle("l");
        var handle = TestIds.Handle("w");
        await using (var first = await fixture.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync("/signin");
            await page.GetByTestId("signin-provider-oidc").ClickAsync();
            await SignInAtProviderAsync(page, login);
            await page.GetByTestId("signup-handle").FillAsync(handle);
            await page.GetByTestId("signup-submit").ClickAsync();
            await Expect(page.GetByTestId("session-user")).ToHaveTextAsync(handle);
        }

        await using var second = await fixture.NewContextAsync();
        var again = await second.NewPageAsync();
        await again.GotoAsync("/signin?returnUrl=/leaderboards");
        await again.GetByTestId("signin-provider-oidc").ClickAsync();
        await SignInAtProviderAsync(again, login);

        await Expect(again.GetByTestId("session-user")).ToHaveTextAsync(handle);
        await Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/leaderboards$"));
    }

    [Fact]
    public async Task AForgedCallbackLandsOnTheSignInPageWithTheReason()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/auth/callback/oidc?code=stolen&state=forged");

        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("Sign-in failed");
        await Expect(page.GetByTestId("signin-provider-oidc")).ToBeVisibleAsync();
    }

    // The provider's own pages (oidc-provider's development login and consent): any login and password sign in.
    private static async Task SignInAtProviderAsync(IPage page, string login)
    {
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
