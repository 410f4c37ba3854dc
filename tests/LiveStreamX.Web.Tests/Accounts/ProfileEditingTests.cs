using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class ProfileEditingTests(BrowserFixture fixture)
{
    // The smallest PNG: a 1×1 picture.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AUserEditsTheirProfileUploadsAPictureAndAnotherBrowserSeesIt()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.SignInAsync(TestIds.Handle("p"));
        await page.GotoAsync("/me/profile");

        await page.GetByTestId("profile-display-name-input").FillAsync("Ada Lovelace");
        await page.GetByTestId("profile-bio-input").FillAsync("Streams maths on Sundays.");
        await page.GetByTestId("profile-add-link").ClickAsync();
        await page.GetByTestId("profile-link-row").GetByLabel("Label").FillAsync("Site");
        await page.GetByTestId("profile-link-row").GetByLabel("Address (https://…)").FillAsync("http://ada.example");
        await page.GetByTestId("profile-save").ClickAsync();
        // The client refuses a plain-http address in the server's words before sending anything.
        await Expect(page.GetByText("An https:// address of at most 300 characters, without a user name or password.")).ToBeVisibleAsync();

        await page.GetByTestId("profile-link-row").GetByLabel("Address (https://…)").FillAsync("https://ada.example");
        await page.GetByTestId("profile-avatar-upload").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "me.png",
            MimeType = "image/png",
            Buffer = Png,
        });
        await Expect(page.GetByTestId("profile-avatar-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/avatar\\?v=1$"));
        await page.GetByTestId("profile-save").ClickAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Status)).ToHaveTextAsync("✓ Saved");
        await page.ScreenshotIfAskedAsync("profile-edit");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "View my profile" }).ClickAsync();
        var profileUrl = page.Url;
        await using var other = await fixture.NewContextAsync();
        var visitor = await other.NewPageAsync();
        await visitor.GotoAsync(profileUrl);

        await Expect(visitor.GetByTestId("profile-display-name")).ToHaveTextAsync("Ada Lovelace");
        await Expect(visitor.GetByTestId("profile-bio")).ToHaveTextAsync("Streams maths on Sundays.");
        await Expect(visitor.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Site" })).ToHaveAttributeAsync("href", "https://ada.example");
        var picture = visitor.Locator("img.avatar--picture");
        await Expect(picture).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/avatar\\?v=1$"));
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "the uploaded picture loads");
        await visitor.ScreenshotIfAskedAsync("profile-view");
    }
}
