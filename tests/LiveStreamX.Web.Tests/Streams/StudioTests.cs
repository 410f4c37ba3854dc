using LiveStreamX.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Streams;

[Collection(BrowserCollection.Name)]
public sealed class StudioTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ACreatorCreatesAStreamGoesLiveAndEndsItFromTheStudio()
    {
        await using var context = await fixture.NewContextAsync();
        var studio = await context.SignInAsync(TestIds.Handle("c"), "creator");
        await studio.GotoAsync("/studio");

        var title = "Studio test " + Guid.NewGuid().ToString("N")[..8];
        await studio.GetByTestId("create-title").FillAsync(title);
        await studio.GetByTestId("create-category").FillAsync("coding");
        await studio.GetByTestId("create-submit").ClickAsync();

        var row = studio.GetByTestId("studio-stream").Filter(new() { HasText = title });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".status")).ToHaveTextAsync("scheduled");
        var streamId = await row.GetAttributeAsync("data-stream-id");
        Assert.StartsWith("s_", streamId);

        await row.GetByTestId("stream-start").ClickAsync();
        await Expect(row.Locator(".status")).ToHaveTextAsync("live");
        await Expect(row.GetByTestId("stream-end")).ToBeVisibleAsync();

        var home = await context.NewPageAsync();
        await home.GotoAsync("/");
        var card = home.GetByTestId("stream-card").Filter(new() { HasText = title });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToHaveAttributeAsync("href", $"/watch/{streamId}");

        await row.GetByTestId("stream-end").ClickAsync();
        await Expect(row.Locator(".status")).ToHaveTextAsync("ended");
        await Expect(row.GetByTestId("stream-archive")).ToBeVisibleAsync();

        await home.ReloadAsync();
        await Expect(home.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Live now" })).ToBeVisibleAsync();
        await Expect(home.GetByTestId("stream-card").Filter(new() { HasText = title })).ToHaveCountAsync(0);
    }
}
