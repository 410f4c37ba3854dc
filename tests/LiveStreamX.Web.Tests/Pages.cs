using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests;

/// <summary>What a person does in the web client, through its <c>data-testid</c> hooks (src/Web/README.md).</summary>
public static class Pages
{
    /// <summary>Opens <c>/</c> in a new tab and signs in through the header's form; returns the tab.</summary>
    public static async Task<IPage> SignInAsync(this IBrowserContext context, string handle, string role = "viewer")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("login-handle").FillAsync(handle);
        await page.GetByTestId("login-role").SelectOptionAsync(role);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("session-user")).ToHaveTextAsync(handle);
        return page;
    }

    /// <summary>Opens the watch page of a live stream and waits until it is connected and shows the stream live.</summary>
    public static async Task OpenWatchPageAsync(this IPage page, string streamId)
    {
        await page.GotoAsync($"/watch/{streamId}");
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("connected");
        await Expect(page.GetByTestId("stream-status")).ToHaveTextAsync("live");
    }

    /// <summary>Types a message in the chat box and sends it with the button.</summary>
    public static async Task SendChatAsync(this IPage page, string text)
    {
        await page.GetByTestId("chat-input").FillAsync(text);
        await page.GetByTestId("chat-send").ClickAsync();
        await Expect(page.GetByTestId("chat-input")).ToHaveValueAsync(string.Empty); // cleared once the hub accepted it
    }

    /// <summary>The chat lines on the page whose text is exactly <paramref name="text"/>.</summary>
    public static ILocator ChatMessages(this IPage page, string text) =>
        page.GetByTestId("chat-list").GetByTestId("chat-message")
            .Filter(new() { Has = page.GetByTestId("chat-text").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(text) + "$") }) });

    /// <summary>Saves a screenshot when LSX_WEB_SCREENSHOTS names a folder (to look at by hand; never committed).</summary>
    public static async Task ScreenshotIfAskedAsync(this IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LSX_WEB_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
