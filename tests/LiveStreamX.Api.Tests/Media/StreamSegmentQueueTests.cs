using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;
using static LiveStreamX.Api.Tests.Media.SegmentUploadTests;

namespace LiveStreamX.Api.Tests.Media;

[Collection(SegmentsCollection.Name)]
public sealed class StreamSegmentQueueTests(SegmentsFixture fixture)
{
    private readonly LiveStreamXApp _app = fixture.App;

    [Fact]
    public async Task AQueuedSegmentStartsForEveryViewerWhileChatGoesOnThenTheStreamIsBackToLive()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async(), "Intermission");
        var streamId = await _app.CreateStreamAsync(creator);
        var viewer = await _app.SignInAsync();
        await using var watching = await _app.Hub(viewer).StartAsync();
        await watching.JoinAsync(streamId);

        var before = DateTimeOffset.UtcNow;
        using var queued = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();
        queued.EnsureSuccessStatusCode();
        var start = await watching.WaitForAsync("segment:start", streamId);
        await watching.ChatAsync(streamId, "still chatting during the clip");
        await watching.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "still chatting during the clip");
        var end = await watching.WaitForAsync("segment:end", streamId);

        Assert.Equal(segmentId, start.GetProperty("segmentId").GetString());
        Assert.Equal("Intermission", start.GetProperty("title").GetString());
        Assert.InRange(start.GetProperty("durationMs").GetInt64(), 1800, 2300);
        Assert.InRange(start.GetProperty("startedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Equal(start.GetProperty("entryId").GetString(), end.GetProperty("entryId").GetString());
        Assert.Equal("finished", end.GetProperty("reason").GetString());
        using var anonymous = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = Timeouts.Default };
        using var clip = await anonymous.GetAsync(start.GetProperty("url").GetString()).WithTimeout();
        Assert.Equal("video/mp4", clip.Content.Headers.ContentType?.MediaType);
        var after = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/segments").WithTimeout();
        Assert.Equal(JsonValueKind.Null, after.GetProperty("playing").ValueKind);
    }

    [Fact]
    public async Task AStreamWithoutARecordingHasTheClipsItPlayedAsItsVodVideoAtTheirOffsets()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async(), "Opening titles");
        var streamId = await _app.CreateStreamAsync(creator);
        await using var watching = await _app.Hub(creator).StartAsync();
        await watching.JoinAsync(streamId);
        (await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout()).EnsureSuccessStatusCode();
        var start = await watching.WaitForAsync("segment:start", streamId);
        await watching.WaitForAsync("segment:end", streamId);
        (await http.PostAsync($"/api/streams/{streamId}/end", null).WithTimeout()).EnsureSuccessStatusCode();

        using var anonymous = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = Timeouts.Default };
        JsonElement vod = default;
        await Timeouts.Eventually(
            async () =>
            {
                using var response = await anonymous.GetAsync($"/api/streams/{streamId}/vod").WithTimeout();
                vod = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return response.IsSuccessStatusCode;
            },
            "the VOD is archived");

        Assert.Equal(JsonValueKind.Null, vod.GetProperty("video").ValueKind);
        var clip = Assert.Single(vod.GetProperty("clips").EnumerateArray());
        Assert.Equal(segmentId, clip.GetProperty("segmentId").GetString());
        Assert.Equal("Opening titles", clip.GetProperty("title").GetString());
        Assert.Equal(start.GetProperty("durationMs").GetInt64(), clip.GetProperty("durationMs").GetInt64());
        var expectedOffset = (start.GetProperty("startedAt").GetDateTimeOffset() - vod.GetProperty("startedAt").GetDateTimeOffset()).TotalMilliseconds;
        Assert.InRange(clip.GetProperty("offsetMs").GetInt64(), (long)expectedOffset - 1, (long)expectedOffset + 1);
        using var video = await anonymous.GetAsync(clip.GetProperty("url").GetString()).WithTimeout();
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ALateJoinerGetsThePlayingSegmentInItsSnapshot()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async(seconds: 6));
        var streamId = await _app.CreateStreamAsync(creator);

        (await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout()).EnsureSuccessStatusCode();
        await using var late = await _app.Hub().StartAsync();
        var joined = await late.JoinAsync(streamId);

        var segment = joined.GetProperty("segment");
        Assert.Equal(segmentId, segment.GetProperty("segmentId").GetString());
        Assert.True(segment.GetProperty("endsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task OnlyTheCreatorOrAnAdminRunsAStreamsSegments()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async(seconds: 6));
        var streamId = await _app.CreateStreamAsync(creator);
        using var viewer = _app.Http((await _app.SignInAsync()).Token);
        using var otherCreator = _app.Http((await _app.SignInAsync("creator")).Token);
        using var admin = _app.Http(_app.Admin().Token);

        using var byViewer = await viewer.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();
        using var byOther = await otherCreator.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();
        using var anonymous = await _app.Http().PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();

        await AssertProblemAsync(byViewer, HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(byOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var queue = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/segments").WithTimeout();
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("playing").ValueKind);

        using var byAdmin = await admin.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();
        byAdmin.EnsureSuccessStatusCode();
        var entry = (await byAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("playing").GetProperty("entryId").GetString();
        using var removedByViewer = await viewer.DeleteAsync($"/api/streams/{streamId}/segments/{entry}").WithTimeout();
        await AssertProblemAsync(removedByViewer, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task OnlyReadySegmentsOfTheStreamsCreatorAreQueued()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var streamId = await _app.CreateStreamAsync(creator);
        var uploading = await SegmentUploads.CreateAsync(http, 1000);
        var other = await _app.SignInAsync("creator");
        var notMine = await SegmentUploads.ReadyAsync(_app.Http(other.Token), await TestClips.Mp4Async());

        using var notReady = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId = uploading }).WithTimeout();
        using var someoneElses = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId = notMine }).WithTimeout();
        using var unknown = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId = "sg_0000000000000000" }).WithTimeout();
        using var malformed = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId = "../../etc" }).WithTimeout();

        await AssertProblemAsync(notReady, HttpStatusCode.Conflict, "segment_not_ready");
        await AssertProblemAsync(someoneElses, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(malformed, HttpStatusCode.NotFound, "not_found");
        var queue = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/segments").WithTimeout();
        Assert.Empty(queue.GetProperty("waiting").EnumerateArray());
    }

    [Fact]
    public async Task OnlyALiveStreamTakesSegments()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async());
        var streamId = await _app.CreateStreamAsync(creator, live: false);

        using var response = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "not_live");
    }

    [Fact]
    public async Task WaitingEntriesAreReorderedAndRemovedAndThePlayingOneEndsWhenRemoved()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async(seconds: 6));
        var streamId = await _app.CreateStreamAsync(creator);
        await using var watching = await _app.Hub().StartAsync();
        await watching.JoinAsync(streamId);
        JsonElement queue = default;
        for (var i = 0; i < 3; i++)
        {
            using var queued = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId }).WithTimeout();
            queued.EnsureSuccessStatusCode();
            queue = await queued.Content.ReadFromJsonAsync<JsonElement>();
        }

        var playing = queue.GetProperty("playing").GetProperty("entryId").GetString()!;
        var waiting = queue.GetProperty("waiting").EnumerateArray().Select(e => e.GetProperty("entryId").GetString()!).ToList();
        Assert.Equal(2, waiting.Count);

        using var badOrder = await http.PutAsJsonAsync($"/api/streams/{streamId}/segments/order", new { entryIds = new[] { waiting[0] } }).WithTimeout();
        await AssertProblemAsync(badOrder, HttpStatusCode.BadRequest, "invalid_input");
        using var reordered = await http.PutAsJsonAsync($"/api/streams/{streamId}/segments/order", new { entryIds = new[] { waiting[1], waiting[0] } }).WithTimeout();
        reordered.EnsureSuccessStatusCode();
        Assert.Equal([waiting[1], waiting[0]], (await reordered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("waiting").EnumerateArray().Select(e => e.GetProperty("entryId").GetString()));

        (await http.DeleteAsync($"/api/streams/{streamId}/segments/{waiting[0]}").WithTimeout()).EnsureSuccessStatusCode();
        using var removePlaying = await http.DeleteAsync($"/api/streams/{streamId}/segments/{playing}").WithTimeout();
        removePlaying.EnsureSuccessStatusCode();
        var ended = await watching.WaitForAsync("segment:end", streamId, e => e.GetProperty("entryId").GetString() == playing);
        var next = await watching.WaitForAsync("segment:start", streamId, e => e.GetProperty("entryId").GetString() == waiting[1]);
        using var unknown = await http.DeleteAsync($"/api/streams/{streamId}/segments/qe_nothing").WithTimeout();

        Assert.Equal("removed", ended.GetProperty("reason").GetString());
        Assert.Equal(segmentId, next.GetProperty("segmentId").GetString());
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AScheduledSegmentWaitsForItsTime()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var segmentId = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async());
        var streamId = await _app.CreateStreamAsync(creator);
        await using var watching = await _app.Hub().StartAsync();
        await watching.JoinAsync(streamId);
        var at = DateTimeOffset.UtcNow.AddSeconds(3);

        using var queued = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId, at }).WithTimeout();
        queued.EnsureSuccessStatusCode();
        var queue = await queued.Content.ReadFromJsonAsync<JsonElement>();
        var start = await watching.WaitForAsync("segment:start", streamId);

        Assert.Equal(JsonValueKind.Null, queue.GetProperty("playing").ValueKind);
        Assert.Single(queue.GetProperty("waiting").EnumerateArray());
        Assert.True(start.GetProperty("startedAt").GetDateTimeOffset() >= at, "It started at its time, not before.");
        using var past = await http.PostAsJsonAsync($"/api/streams/{streamId}/segments", new { segmentId, at = DateTimeOffset.UtcNow.AddHours(-1) }).WithTimeout();
        await AssertProblemAsync(past, HttpStatusCode.BadRequest, "invalid_input");
    }
}
