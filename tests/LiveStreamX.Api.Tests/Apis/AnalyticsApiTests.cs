using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Apis;

/// <summary>A stream's analytics over HTTP: its creator reads live figures as JSON and CSV; nobody else reads them.</summary>
[Collection(AppCollection.Name)]
public sealed class AnalyticsApiTests(AppFixture fixture)
{
    [Fact]
    public async Task TheCreatorReadsTheMinuteUnderWayAsJsonAndCsv()
    {
        var creator = await fixture.App.SignInAsync("creator");
        var streamId = await fixture.App.CreateStreamAsync(creator);
        var viewer = await fixture.App.SignInAsync();
        await using (var hub = await fixture.App.Hub(viewer).StartAsync())
        {
            await hub.JoinAsync(streamId);
            await hub.ChatAsync(streamId, "first!");
            await hub.ChatAsync(streamId, "second");
            await hub.Connection.InvokeAsync<JsonElement>("watch:heartbeat", new { streamId, visible = true }).WithTimeout();
            await hub.Connection.InvokeAsync<JsonElement>(
                "gift:send", new { streamId, giftCode = "star", count = 2, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();

            using var http = fixture.App.Http(creator.Token);
            JsonElement figures = default;
            await Timeouts.Eventually(
                async () =>
                {
                    figures = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/analytics").WithTimeout();
                    var summary = figures.GetProperty("summary");
                    return summary.GetProperty("chatMessages").GetInt64() == 2 && summary.GetProperty("uniqueViewers").GetInt32() == 1
                        && summary.GetProperty("tokens").GetInt64() == 100 && summary.GetProperty("peakViewers").GetInt32() >= 1;
                },
                "two chat lines, a watcher, the gift and the viewer in the figures");
            Assert.Equal(30, figures.GetProperty("summary").GetProperty("averageWatchSeconds").GetDouble());
            Assert.Equal(70, figures.GetProperty("summary").GetProperty("earnings").GetInt64());
            Assert.True(figures.GetProperty("minutes").GetArrayLength() >= 1);
            Assert.Equal(1.0, figures.GetProperty("retention")[0].GetProperty("share").GetDouble());

            using var csv = await http.GetAsync($"/api/streams/{streamId}/analytics.csv").WithTimeout();
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync().WithTimeout()).TrimEnd('\n').Split('\n');
            Assert.StartsWith("minute,peak_viewers,average_viewers,watchers,chat_messages,chat_density,reactions_hype,", lines[0], StringComparison.Ordinal);
            Assert.Equal(figures.GetProperty("minutes").GetArrayLength() + 1, lines.Length);
            Assert.Equal(2, lines.Skip(1).Sum(l => int.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task AViewerAnUnknownStreamAndABackwardsRangeAreRefusedWithCodes()
    {
        var creator = await fixture.App.SignInAsync("creator");
        var streamId = await fixture.App.CreateStreamAsync(creator);
        var viewer = await fixture.App.SignInAsync();

        using var asViewer = fixture.App.Http(viewer.Token);
        var (status, body) = await Refusals.SendAsync(asViewer, HttpMethod.Get, $"/api/streams/{streamId}/analytics", null);
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (status, body.Code()));
        (status, body) = await Refusals.SendAsync(asViewer, HttpMethod.Get, $"/api/streams/{streamId}/analytics.csv", null);
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (status, body.Code()));

        using var asCreator = fixture.App.Http(creator.Token);
        (status, body) = await Refusals.SendAsync(asCreator, HttpMethod.Get, $"/api/streams/{TestIds.Stream()}/analytics", null);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (status, body.Code()));
        (status, body) = await Refusals.SendAsync(asCreator, HttpMethod.Get, $"/api/streams/{streamId}/analytics?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", null);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_input"), (status, body.Code()));
        (status, body) = await Refusals.SendAsync(asCreator, HttpMethod.Get, $"/api/streams/{streamId}/analytics?from=yesterday", null);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_input"), (status, body.Code()));

        using var anonymous = fixture.App.Http();
        (status, _) = await Refusals.SendAsync(anonymous, HttpMethod.Get, $"/api/streams/{streamId}/analytics", null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
