using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Vod;

/// <summary>
/// An ended stream's VOD over HTTP: its length, moments and timeline read by offset, anonymously; coded refusals
/// for an unknown, a live and a malformed read.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class VodApiTests(AppFixture fixture)
{
    [Fact]
    public async Task AnEndedStreamsVodReplaysItsChatAndMomentsByOffset()
    {
        var creator = await fixture.App.SignInAsync("creator");
        var streamId = await fixture.App.CreateStreamAsync(creator);
        await using (var hub = await fixture.App.Hub(creator).StartAsync())
        {
            await hub.JoinAsync(streamId);
            await hub.ChatAsync(streamId, "hello VOD");
            await hub.Connection.InvokeAsync<JsonElement>("moment:mark", new { streamId, note = "the best bit" }).WithTimeout();
            await hub.ChatAsync(streamId, "after the moment");
        }

        using var asCreator = fixture.App.Http(creator.Token);
        (await asCreator.PostAsync($"/api/streams/{streamId}/end", null).WithTimeout()).EnsureSuccessStatusCode();

        using var anonymous = fixture.App.Http();
        JsonElement vod = default;
        await Timeouts.Eventually(
            async () =>
            {
                using var response = await anonymous.GetAsync($"/api/streams/{streamId}/vod").WithTimeout();
                vod = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return response.StatusCode == HttpStatusCode.OK;
            },
            "the VOD is archived");
        Assert.Equal(streamId, vod.GetProperty("streamId").GetString());
        Assert.Equal("ended", vod.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, vod.GetProperty("video").ValueKind); // no recording, no blob storage here
        var moment = vod.GetProperty("moments")[0];
        Assert.Equal("the best bit", moment.GetProperty("note").GetString());
        Assert.Equal($"/m/{moment.GetProperty("momentId").GetString()}", moment.GetProperty("sharePath").GetString());

        var all = await anonymous.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/vod/timeline").WithTimeout();
        var events = all.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("event")).ToList();
        Assert.Equal(
            ["stream:state", "chat:message", "moment:detected", "chat:message", "stream:state"],
            events.Where(e => e.GetProperty("type").GetString() != "viewers:count").Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("hello VOD", events[1].GetProperty("text").GetString());

        // From the moment's offset: the line before it is context, the one after it the first chat entry.
        var from = moment.GetProperty("offsetMs").GetInt64();
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/vod/timeline?fromMs={from}&limit=2").WithTimeout();
        Assert.Contains(page.GetProperty("context").EnumerateArray(), e => e.GetProperty("event").GetProperty("text").GetString() == "hello VOD");
        Assert.All(page.GetProperty("entries").EnumerateArray(), e => Assert.True(e.GetProperty("offsetMs").GetInt64() >= from));
        Assert.Equal(vod.GetProperty("durationMs").GetInt64(), page.GetProperty("durationMs").GetInt64());
    }

    [Fact]
    public async Task AnUnknownALiveAndAMalformedVodReadAreRefusedWithCodes()
    {
        var creator = await fixture.App.SignInAsync("creator");
        var live = await fixture.App.CreateStreamAsync(creator);
        using var http = fixture.App.Http();

        var (status, body) = await Refusals.SendAsync(http, HttpMethod.Get, $"/api/streams/{TestIds.Stream()}/vod", null);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (status, body.Code()));
        (status, body) = await Refusals.SendAsync(http, HttpMethod.Get, $"/api/streams/{live}/vod", null);
        Assert.Equal((HttpStatusCode.Conflict, "still_live"), (status, body.Code()));
        (status, body) = await Refusals.SendAsync(http, HttpMethod.Get, $"/api/streams/{live}/vod/timeline", null);
        Assert.Equal((HttpStatusCode.Conflict, "still_live"), (status, body.Code()));

        using var asCreator = fixture.App.Http(creator.Token);
        (await asCreator.PostAsync($"/api/streams/{live}/end", null).WithTimeout()).EnsureSuccessStatusCode();
        await Timeouts.Eventually(
            async () => (await http.GetAsync($"/api/streams/{live}/vod").WithTimeout()).StatusCode == HttpStatusCode.OK, "the VOD is archived");
        foreach (var query in new[] { "limit=0", "limit=9999", "fromMs=-5", "fromMs=10&toMs=5", "limit=abc" })
        {
            (status, body) = await Refusals.SendAsync(http, HttpMethod.Get, $"/api/streams/{live}/vod/timeline?{query}", null);
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_input"), (status, body.Code()));
        }
    }
}
