using Deque.AxeCore.Playwright;
using LiveStreamX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Accessibility;

/// <summary>
/// axe-core (through Deque.AxeCore.Playwright) over every page of the web client, on a desktop and on a phone:
/// no violation of serious or critical impact.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    public static TheoryData<string> Viewports => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task EveryPageHasNoSeriousOrCriticalViolations(string viewport)
    {
        var handle = TestIds.Handle("c");
        await using var context = await fixture.NewContextAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = await context.SignInAsync(handle, "creator");
        var creator = await App.SignInAsync("creator", handle);
        var streamId = await App.CreateStreamAsync(creator);

        var found = new List<string>();
        found.AddRange(await CheckAsync(page, "/", "stream-card"));
        await page.OpenWatchPageAsync(streamId);
        if (viewport == "phone")
        {
            found.AddRange(await CheckAsync(page, null, "gift-bar")); // the drawer closed
            await page.GetByTestId("chat-drawer-toggle").ClickAsync();
        }

        found.AddRange(await CheckAsync(page, null, "chat-list"));
        found.AddRange(await CheckAsync(page, "/studio", "studio-stream"));
        found.AddRange(await CheckAsync(page, $"/studio/streams/{streamId}/commands", "command-gifts-editor"));
        found.AddRange(await CheckAsync(page, $"/studio/streams/{streamId}/customize", "customize-preview"));
        found.AddRange(await CheckAsync(page, $"/studio/streams/{streamId}/analytics", "analytics-summary"));
        found.AddRange(await CheckAsync(page, "/wallet", "wallet-balance"));
        found.AddRange(await CheckAsync(page, "/leaderboards", "leaderboards-page"));
        found.AddRange(await CheckAsync(page, $"/u/{creator.Id}", "profile-page"));
        found.AddRange(await CheckAsync(page, "/account", "account-sessions"));

        Assert.True(found.Count == 0, $"axe on {viewport}:\n" + string.Join("\n", found));
    }

    /// <summary>Opens <paramref name="path"/> (or stays), waits for <paramref name="testId"/>, runs axe.</summary>
    internal static async Task<IEnumerable<string>> CheckAsync(IPage page, string? path, string testId)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }

        await Expect(page.GetByTestId(testId).First).ToBeVisibleAsync();
        // The settled page is what is judged: an element caught mid-way through a fade-in or a hover's transition has
        // a colour it never rests at, and the check would depend on timing.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var results = await page.RunAxe().WithTimeout();
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path ?? "watch"}: {v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})");
    }
}
