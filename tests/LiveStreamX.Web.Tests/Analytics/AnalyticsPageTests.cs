using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveStreamX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Analytics;

[Collection(BrowserCollection.Name)]
public sealed partial class AnalyticsPageTests(BrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex AtLeastOne();

    [Fact]
    public async Task ACreatorSeesTheChatAndGiftsOfTheirLiveStreamChartedInTheStudio()
    {
        var handle = TestIds.Handle("c");
        await using var creatorContext = await fixture.NewContextAsync();
        await using var viewerContext = await fixture.NewContextAsync();
        var studio = await creatorContext.SignInAsync(handle, "creator");
        var streamId = await App.CreateStreamAsync(await App.SignInAsync("creator", handle));

        var viewer = await viewerContext.SignInAsync(TestIds.Handle("v"));
        await viewer.OpenWatchPageAsync(streamId);
        await viewer.SendChatAsync("first!");
        await viewer.SendChatAsync("what a play");
        await viewer.Locator("[data-testid='gift-option'][data-gift-code='heart']").ClickAsync();
        await viewer.GetByTestId("gift-send").ClickAsync();
        await Expect(viewer.GetByTestId("wallet-balance")).ToHaveTextAsync("995");

        await studio.GotoAsync("/studio");
        await studio.Locator($"[data-testid='studio-stream'][data-stream-id='{streamId}']").GetByTestId("stream-analytics").ClickAsync();
        await Expect(studio).ToHaveURLAsync(new Regex($"/studio/streams/{streamId}/analytics$"));
        await Expect(studio.GetByTestId("analytics-freshness")).ToHaveAttributeAsync("data-live", "true");

        // The page reads the figures again every 5 s while live: each awaited figure shows up without a reload.
        await Expect(Figure(studio, "chatMessages")).ToHaveAttributeAsync("data-value", "2");
        await Expect(Figure(studio, "gifts")).ToHaveAttributeAsync("data-value", "1");
        await Expect(Figure(studio, "tokens")).ToHaveAttributeAsync("data-value", "5");
        await Expect(Figure(studio, "peakViewers")).ToHaveAttributeAsync("data-value", AtLeastOne());
        await Expect(Figure(studio, "chatMessages").Locator(".analytics-figure__value")).ToHaveTextAsync("2");

        foreach (var chart in new[] { "viewers", "chat", "reactions", "gifts", "retention" })
        {
            await Expect(Chart(studio, chart)).ToBeVisibleAsync();
        }

        // Drawn, not just laid out: the viewers' line (a dot per minute while there are only one or two), and bars
        // for the chat and the gifts of the minute.
        await Expect(Surface(studio, "viewers").Locator(".recharts-line-dots circle, path.recharts-line-curve[d^='M']").First).ToBeVisibleAsync();
        await Expect(Surface(studio, "chat").Locator(".recharts-bar-rectangle path").First).ToBeVisibleAsync();
        await Expect(Surface(studio, "gifts").Locator(".recharts-bar-rectangle path").First).ToBeVisibleAsync();
        await studio.ScreenshotIfAskedAsync("lsx-analytics");

        var download = await studio.RunAndWaitForDownloadAsync(() => studio.GetByTestId("analytics-csv").ClickAsync());
        Assert.Equal($"{streamId}-analytics.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.True(csv.Length >= 2, "a header and at least one minute: " + string.Join(" | ", csv));
    }

    [Fact]
    public async Task AViewerWhoIsNotTheCreatorIsRefusedTheAnalytics()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var handle = TestIds.Handle("v");
        var other = await App.SignInAsync("creator", handle);
        await using var context = await fixture.NewContextAsync();
        var page = await context.SignInAsync(handle, "creator");

        using var http = App.Http(other.Token);
        using var refused = await http.GetAsync($"/api/streams/{streamId}/analytics").WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());

        await page.GotoAsync($"/studio/streams/{streamId}/analytics");
        var error = page.GetByTestId("analytics-error");
        await Expect(error).ToBeVisibleAsync();
        var said = problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text : problem.GetProperty("title").GetString()!;
        await Expect(error).ToHaveTextAsync(said);
        await Expect(page.GetByTestId("analytics-summary")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("analytics-chart")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheAnalyticsPageFitsAPhone()
    {
        var handle = TestIds.Handle("c");
        await using var context = await fixture.NewContextAsync(BrowserFixture.Phone);
        var page = await context.SignInAsync(handle, "creator");
        var streamId = await App.CreateStreamAsync(await App.SignInAsync("creator", handle));
        var viewer = await App.SignInAsync("viewer");
        await using (var hub = App.Hub(viewer))
        {
            await hub.StartAsync().WithTimeout();
            await hub.JoinAsync(streamId).WithTimeout();
            await hub.ChatAsync(streamId, "hello from a phone test").WithTimeout();
        }

        await page.GotoAsync($"/studio/streams/{streamId}/analytics");
        await Expect(Figure(page, "chatMessages")).ToHaveAttributeAsync("data-value", "1");
        await Expect(Surface(page, "viewers")).ToBeVisibleAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth, $"the page is {scrollWidth} px wide on a {innerWidth} px phone");
        var chartWidth = await Surface(page, "viewers").EvaluateAsync<double>("svg => svg.getBoundingClientRect().width");
        Assert.InRange(chartWidth, 200, innerWidth);
        await page.ScreenshotIfAskedAsync("lsx-analytics-phone");
    }

    private static ILocator Figure(IPage page, string name) => page.Locator($"[data-testid='analytics-figure'][data-figure='{name}']");

    private static ILocator Chart(IPage page, string name) => page.Locator($"[data-testid='analytics-chart'][data-chart='{name}']");

    /// <summary>The chart's own drawing (its legend's icons are SVGs of the same class).</summary>
    private static ILocator Surface(IPage page, string name) => Chart(page, name).Locator(".recharts-wrapper > svg.recharts-surface");
}
