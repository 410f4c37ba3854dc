using System.Text.Json;
using LiveStreamX.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveStreamX.Web.Tests.Segments;

/// <summary>Issue #21: an uploaded clip, processed by ffmpeg into Azurite, cuts two viewers from live to the clip together.</summary>
[Collection(SegmentsBrowserCollection.Name)]
public sealed class SegmentPlaysInSyncTests(SegmentsBrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>How far apart two viewers' players may start and run.</summary>
    private const double SyncBoundMs = 500;

    [Fact]
    public async Task TwoViewersPlayAQueuedSegmentWithinHalfASecondWhileChatFlowsThenGoBackToLive()
    {
        var app = fixture.App;
        var creator = await app.SignInAsync("creator");
        using var http = app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async(seconds: 6), "Intermission");
        var streamId = await app.CreateStreamAsync(creator, title: "Clip night");

        await using var chatter = await fixture.NewContextAsync();
        var first = await chatter.SignInAsync(TestIds.Handle("v"));
        await first.OpenWatchPageAsync(streamId);
        await using var quiet = await fixture.NewContextAsync();
        var second = await quiet.NewPageAsync();
        await second.OpenWatchPageAsync(streamId);

        using var queued = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();
        queued.EnsureSuccessStatusCode();

        var pages = new[] { first, second };
        foreach (var page in pages)
        {
            await Expect(page.GetByTestId("segment-video")).ToHaveCountAsync(1);
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('[data-testid=segment-video]'); return v && v.dataset.playingAt && v.currentTime > 0.5; }");
        }

        var samples = new List<Sample>();
        foreach (var page in pages)
        {
            samples.Add(await SampleAsync(page));
        }

        await first.SendChatAsync("what a clip");
        await Expect(second.ChatMessages("what a clip")).ToHaveCountAsync(1);
        foreach (var page in pages)
        {
            var later = await SampleAsync(page);
            var earlier = samples[Array.IndexOf(pages, page)];
            Assert.True(later.CurrentTime > earlier.CurrentTime, $"The clip plays on: currentTime {earlier.CurrentTime} then {later.CurrentTime}.");
        }

        var startGap = Math.Abs(samples[0].PlayingAt - samples[1].PlayingAt);
        output.WriteLine($"start gap {startGap:0} ms; position gap {Math.Abs(samples[0].Lag - samples[1].Lag) * 1000:0} ms; lags {samples[0].Lag * 1000:0} / {samples[1].Lag * 1000:0} ms");
        Assert.True(startGap < SyncBoundMs, $"The two players started {startGap} ms apart.");
        // Where each player is, measured against the same clock (both pages run on this machine).
        var positionGap = Math.Abs(samples[0].Lag - samples[1].Lag) * 1000;
        Assert.True(positionGap < SyncBoundMs, $"The two players are {positionGap} ms apart in the clip.");
        foreach (var sample in samples)
        {
            Assert.True(Math.Abs(sample.PlayingAt - sample.StartedAt) < 1500, $"A player started {sample.PlayingAt - sample.StartedAt} ms from the server's startedAt.");
        }

        foreach (var page in pages)
        {
            await Expect(page.GetByTestId("segment-video")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Expect(page.GetByTestId("stream-status")).ToHaveTextAsync("live");
        }

        await first.ScreenshotIfAskedAsync("segment-back-to-live");
    }

    private static async Task<Sample> SampleAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "() => { const v = document.querySelector('[data-testid=segment-video]'); return { now: Date.now(), currentTime: v.currentTime, startedAt: Number(v.dataset.startedAt), playingAt: Number(v.dataset.playingAt) }; }");
        var now = json.GetProperty("now").GetDouble();
        var startedAt = json.GetProperty("startedAt").GetDouble();
        var currentTime = json.GetProperty("currentTime").GetDouble();
        return new Sample(currentTime, startedAt, json.GetProperty("playingAt").GetDouble(), ((now - startedAt) / 1000) - currentTime);
    }

    /// <summary>One look at a player: its position, the server's start, when it began playing (local clock), and how far behind the shared position it is (s).</summary>
    private sealed record Sample(double CurrentTime, double StartedAt, double PlayingAt, double Lag);
}
