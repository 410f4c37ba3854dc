using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LiveStreamX.Media;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Vod;

/// <summary>
/// Issue 21's VOD test: a stream with chat, a poll, a moment and a gift is ended and its recording (made with ffmpeg,
/// written to Azurite and attached as LiveKit's egress reports it) arrives; the VOD page seeks to the moment, shows the
/// chat said before it and the poll, and fires the gift's effect when playback reaches the gift's offset, not before.
/// </summary>
[Collection(VodBrowserCollection.Name)]
public sealed class VodReplayTests(VodBrowserFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheVodSeeksToTheMomentAndShowsItsChatLineAndTheGiftEffectAtTheRightOffset()
    {
        var creator = await App.SignInAsync("creator");
        var viewer = await App.SignInAsync();
        var streamId = await App.CreateStreamAsync(creator);
        long giftOffset;
        long lastLineOffset;
        await using (var host = await App.Hub(creator).StartAsync())
        await using (var fan = await App.Hub(viewer).StartAsync())
        {
            await host.JoinAsync(streamId);
            await fan.JoinAsync(streamId);
            await fan.ChatAsync(streamId, "said before the moment");
            await host.Connection.InvokeAsync<JsonElement>(
                "poll:create", new { streamId, question = "Encore?", options = new[] { "Yes", "No" }, durationSeconds = 120 }).WithTimeout();
            await fan.Connection.InvokeAsync<JsonElement>("moment:mark", new { streamId, note = "the drop" }).WithTimeout();
            await fan.Connection.InvokeAsync<JsonElement>(
                "gift:send", new { streamId, giftCode = "star", count = 1, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();
            await host.WaitForAsync("gift:received", streamId);
            await fan.ChatAsync(streamId, "said after the gift");
            await host.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "said after the gift");
        }

        using (var http = App.Http(creator.Token))
        {
            (await http.PostAsync($"/api/streams/{streamId}/end", null).WithTimeout()).EnsureSuccessStatusCode();
        }

        await AttachRecordingAsync(streamId);
        using (var http = App.Http())
        {
            JsonElement timeline = default;
            await Timeouts.Eventually(
                async () =>
                {
                    using var vod = await http.GetAsync($"/api/streams/{streamId}/vod").WithTimeout();
                    if (!vod.IsSuccessStatusCode || JsonDocument.Parse(await vod.Content.ReadAsStringAsync()).RootElement.GetProperty("video").ValueKind == JsonValueKind.Null)
                    {
                        return false;
                    }

                    timeline = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/vod/timeline").WithTimeout();
                    return true;
                },
                "the VOD is archived with its recording");
            giftOffset = timeline.GetProperty("entries").EnumerateArray()
                .First(e => e.GetProperty("event").GetProperty("type").GetString() == "gift:received").GetProperty("offsetMs").GetInt64();
            lastLineOffset = timeline.GetProperty("entries").EnumerateArray()
                .First(e => e.GetProperty("event").GetProperty("type").GetString() == "chat:message"
                    && e.GetProperty("event").GetProperty("text").GetString() == "said after the gift").GetProperty("offsetMs").GetInt64();
        }

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/vod/{streamId}");
        var moment = page.GetByTestId("vod-moment");
        await Expect(moment).ToContainTextAsync("the drop");
        var momentOffset = long.Parse((await moment.GetAttributeAsync("data-offset-ms"))!, CultureInfo.InvariantCulture);
        Assert.True(giftOffset > momentOffset, $"the gift ({giftOffset} ms) came after the moment ({momentOffset} ms)");

        // Seeking to the moment: the chat said before it and the poll show at once; nothing after it yet.
        var video = page.GetByTestId("vod-video");
        await video.EvaluateAsync("v => { v.muted = true; v.pause(); }");
        await moment.ClickAsync();
        await Expect(page.GetByTestId("vod-position")).ToHaveAttributeAsync("data-ms", momentOffset.ToString(CultureInfo.InvariantCulture));
        await Expect(page.ChatMessages("said before the moment")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("vod-poll")).ToContainTextAsync("Encore?");
        Assert.Equal(0, await page.ChatMessages("said after the gift").CountAsync());
        Assert.Equal(0, await page.GetByTestId("gift-animation").CountAsync());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"t={momentOffset / 1000}$"));

        // Playing on: the gift's effect fires once the position passes its offset, then the line said after it.
        await video.EvaluateAsync("v => v.play()");
        await Expect(page.GetByTestId("gift-animation")).Not.ToHaveCountAsync(0);
        var at = long.Parse((await page.GetByTestId("vod-position").GetAttributeAsync("data-ms"))!, CultureInfo.InvariantCulture);
        Assert.True(at >= giftOffset, $"the gift fired at {at} ms, before its offset {giftOffset} ms");
        await Expect(page.ChatMessages("said after the gift")).ToHaveCountAsync(1);
        await page.ScreenshotIfAskedAsync("lsx-vod");

        // A deep link starts there: ?t= past the last line (said after the gift, over a second later on a busy
        // machine) shows both lines and fires nothing that was skipped.
        var deep = await context.NewPageAsync();
        await deep.GotoAsync($"/vod/{streamId}?t={(lastLineOffset / 1000) + 1}");
        await Expect(deep.ChatMessages("said after the gift")).ToHaveCountAsync(1);
        await Expect(deep.ChatMessages("said before the moment")).ToHaveCountAsync(1);
        Assert.Equal(0, await deep.GetByTestId("gift-animation").CountAsync());

        // The moment's share page previews with the recording's frame at its offset (ffmpeg, kept in the store).
        var momentId = await MomentIdAsync(streamId);
        using var anonymous = App.Http();
        var share = await anonymous.GetStringAsync($"/m/{momentId}").WithTimeout();
        var image = System.Text.RegularExpressions.Regex.Match(share, "property=\"og:image\" content=\"([^\"]+)\"").Groups[1].Value;
        Assert.EndsWith($"/m/{momentId}/frame.jpg", System.Net.WebUtility.HtmlDecode(image), StringComparison.Ordinal);
        using var frame = await anonymous.GetAsync(System.Net.WebUtility.HtmlDecode(image)).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal("image/jpeg", frame.Content.Headers.ContentType?.MediaType);
        var jpeg = await frame.Content.ReadAsByteArrayAsync().WithTimeout();
        Assert.True(jpeg.Length > 1000 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "a JPEG frame");
    }

    private async Task<string> MomentIdAsync(string streamId)
    {
        using var http = App.Http();
        var vod = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/vod").WithTimeout();
        return vod.GetProperty("moments")[0].GetProperty("momentId").GetString()!;
    }

    /// <summary>
    /// A recording as LiveKit's egress to Azure leaves it: a WebM of test video (ffmpeg's testsrc) in the media container,
    /// reported by its blob URL through the stream's media grain, as the <c>egress_ended</c> webhook does.
    /// </summary>
    private async Task AttachRecordingAsync(string streamId)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lsx-vod-{Guid.NewGuid():N}.webm");
        try
        {
            await RunFfmpegAsync("-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=12:size=192x108:rate=10",
                "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "100k", "-y", file);
            var key = $"recordings/{streamId}/egress.webm";
            await using (var content = File.OpenRead(file))
            {
                await App.Services.GetRequiredService<IMediaStore>().WriteAsync(key, content, "video/webm").WithTimeout();
            }

            var location = $"http://127.0.0.1:{fixture.Azurite.Port}/{AzuriteServer.Account}/{BlobMediaOptions.DefaultContainer}/{key}";
            var recording = new MediaRecording("EG_" + Guid.NewGuid().ToString("N")[..10], location, "egress.webm", 12_000, new FileInfo(file).Length, DateTimeOffset.UtcNow);
            var outcome = await App.Services.GetRequiredService<IGrainFactory>().GetGrain<IStreamMediaGrain>(streamId)
                .ApplyAsync(new MediaEvent("EV_" + Guid.NewGuid().ToString("N"), MediaEventKind.EgressEnded, streamId, null, DateTimeOffset.UtcNow, recording))
                .WithTimeout();
            Assert.Equal(MediaEventOutcome.Applied, outcome);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task RunFfmpegAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start: test.sh installs it with apt.");
        // Longer than other waits: an encode on a loaded 2-core machine.
        var errors = await ffmpeg.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(90));
        await ffmpeg.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg failed: {errors}");
    }
}
