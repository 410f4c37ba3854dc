using System.Net;
using System.Text;
using System.Text.Json;
using LiveStreamX.Media;
using LiveStreamX.Segments;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.Media;

[Collection(SegmentsCollection.Name)]
public sealed class SegmentUploadTests(SegmentsFixture fixture)
{
    private readonly LiveStreamXApp _app = fixture.App;

    private IMediaStore Store => _app.Services.GetRequiredService<IMediaStore>();

    [Fact]
    public async Task AClipUploadedInChunksBecomesAFastStartMp4WithAThumbnail()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        await using var hub = await _app.Hub(creator).StartAsync();
        var processing = new List<JsonElement>();
        hub.Connection.On<JsonElement>("segment:processing", e =>
        {
            lock (processing)
            {
                processing.Add(e.Clone());
            }
        });

        var clip = await TestClips.Mp4Async(seconds: 2, fastStart: false);
        var id = await SegmentUploads.UploadAsync(http, clip, "My first clip");
        var segment = await SegmentUploads.WaitProcessedAsync(http, id);

        Assert.Equal("ready", segment.GetProperty("status").GetString());
        Assert.Equal("mp4", segment.GetProperty("container").GetString());
        Assert.InRange(segment.GetProperty("durationMs").GetInt64(), 1800, 2300);
        Assert.Equal(320, segment.GetProperty("width").GetInt32());
        using var anonymous = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = Timeouts.Default };
        var rendition = await anonymous.GetByteArrayAsync(segment.GetProperty("previewUrl").GetString()).WithTimeout();
        Assert.True(IndexOf(rendition, "moov") < IndexOf(rendition, "mdat"), "The rendition's index comes before its media (fast start).");
        using var thumbnail = await anonymous.GetAsync(segment.GetProperty("thumbnailUrl").GetString()).WithTimeout();
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Null(await Store.GetAsync(SegmentKeys.Source(id)).WithTimeout());
        await Timeouts.Eventually(() =>
        {
            lock (processing)
            {
                return Task.FromResult(processing.Any(e => e.GetProperty("segmentId").GetString() == id && e.GetProperty("status").GetString() == "ready"));
            }
        }, "the owner heard segment:processing say ready");
        lock (processing)
        {
            Assert.Contains(processing, e => e.GetProperty("status").GetString() == "processing");
        }
    }

    [Theory]
    [InlineData("webm")]
    [InlineData("mov")]
    public async Task WebmAndMovClipsAreTakenAndSniffedFromTheirBytes(string kind)
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var clip = kind == "webm" ? await TestClips.WebmAsync() : await TestClips.MovAsync();

        var segment = await SegmentUploads.WaitProcessedAsync(http, await SegmentUploads.UploadAsync(http, clip, "clip.mp4"));

        Assert.Equal("ready", segment.GetProperty("status").GetString());
        Assert.Equal(kind, segment.GetProperty("container").GetString());
    }

    [Fact]
    public async Task AnUploadResumesWithTheChunksThatHaveNotArrived()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var clip = await TestClips.Mp4Async(seconds: 6);
        var chunks = (clip.Length + SegmentUploads.SmallChunk - 1) / SegmentUploads.SmallChunk;
        Assert.True(chunks >= 3, $"The test clip is {clip.Length} bytes: too few chunks to resume.");
        var id = await SegmentUploads.CreateAsync(http, clip.Length);
        (await SegmentUploads.PutChunkAsync(http, id, clip, 0)).EnsureSuccessStatusCode();
        (await SegmentUploads.PutChunkAsync(http, id, clip, 2)).EnsureSuccessStatusCode();

        var early = await http.PostAsync($"/api/me/segments/{id}/complete", null).WithTimeout();
        var progress = await http.GetFromJsonAsync<JsonElement>($"/api/me/segments/{id}/chunks").WithTimeout();

        await AssertProblemAsync(early, HttpStatusCode.Conflict, "upload_incomplete");
        Assert.Equal([0, 2], progress.GetProperty("received").EnumerateArray().Select(e => e.GetInt32()));
        var missing = progress.GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal([1, .. Enumerable.Range(3, chunks - 3)], missing);
        foreach (var index in missing)
        {
            (await SegmentUploads.PutChunkAsync(http, id, clip, index)).EnsureSuccessStatusCode();
        }

        (await http.PostAsync($"/api/me/segments/{id}/complete", null).WithTimeout()).EnsureSuccessStatusCode();
        Assert.Equal("ready", (await SegmentUploads.WaitProcessedAsync(http, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedAndStoresNothing()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);

        using var response = await http.PostAsJsonAsync("/api/me/segments", new { title = "Too big", size = SegmentsFixture.MaxUploadBytes + 1 }).WithTimeout();

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too_large");
        Assert.Empty((await http.GetFromJsonAsync<JsonElement[]>("/api/me/segments").WithTimeout())!);
    }

    [Theory]
    [InlineData("holiday.mp4", "This is a plain text file, whatever its name says; it is long enough to be sniffed as one.")]
    [InlineData("image.png", "\u0089PNG\r\n\u001a\n an image is not a video either, and its bytes say so plainly enough here.")]
    [InlineData("movie.mkv", "\u001aE\u00df\u00a3 matroska: EBML, but not the WebM doc type, so it is not taken either.........")]
    public async Task AFileThatIsNotAVideoTakenHereIsRefusedByItsBytesAndStoresNothing(string name, string text)
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var bytes = Encoding.Latin1.GetBytes(text);
        var id = await SegmentUploads.CreateAsync(http, bytes.Length, name);

        using var response = await SegmentUploads.PutChunkAsync(http, id, bytes, 0);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media");
        Assert.Empty(await Store.StagedBlocksAsync(SegmentKeys.Source(id)).WithTimeout());
        Assert.Equal("unknown", (await http.GetFromJsonAsync<JsonElement>($"/api/me/segments/{id}").WithTimeout()).GetProperty("container").GetString());
    }

    [Fact]
    public async Task AChunkOfTheWrongLengthIsRefusedAndStoresNothing()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var clip = await TestClips.Mp4Async();
        var id = await SegmentUploads.CreateAsync(http, clip.Length);

        using var body = new ByteArrayContent(clip[..1000]);
        body.Headers.ContentType = new("application/octet-stream");
        using var response = await http.PutAsync($"/api/me/segments/{id}/chunks/0", body).WithTimeout();

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_input");
        Assert.Empty(await Store.StagedBlocksAsync(SegmentKeys.Source(id)).WithTimeout());
    }

    [Fact]
    public async Task ChunksAfterTheFirstWaitForTheFirstToTellTheContainer()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var clip = await TestClips.Mp4Async(seconds: 6);
        var id = await SegmentUploads.CreateAsync(http, clip.Length);

        using var response = await SegmentUploads.PutChunkAsync(http, id, clip, 1);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Empty(await Store.StagedBlocksAsync(SegmentKeys.Source(id)).WithTimeout());
    }

    [Fact]
    public async Task ATruncatedClipFailsProcessingWithAReasonAndItsBytesAreDeleted()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        // Index at the end, as a camera writes it: the first half has the ftyp box but no moov.
        var clip = await TestClips.Mp4Async(fastStart: false);

        var id = await SegmentUploads.UploadAsync(http, clip[..(clip.Length / 2)]);
        var segment = await SegmentUploads.WaitProcessedAsync(http, id);

        Assert.Equal("failed", segment.GetProperty("status").GetString());
        Assert.StartsWith("The file could not be read as a video", segment.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(SegmentKeys.Source(id)).WithTimeout());
        Assert.Null(await Store.GetAsync(SegmentKeys.Rendition(id)).WithTimeout());
    }

    [Fact]
    public async Task AViewerCannotUpload()
    {
        var viewer = await _app.SignInAsync("viewer");
        using var http = _app.Http(viewer.Token);

        using var response = await http.PostAsJsonAsync("/api/me/segments", new { title = "Mine", size = 1000 }).WithTimeout();

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task AnotherCreatorNeitherSeesNorTouchesMySegment()
    {
        var owner = await _app.SignInAsync("creator");
        var other = await _app.SignInAsync("creator");
        using var mine = _app.Http(owner.Token);
        using var theirs = _app.Http(other.Token);
        var clip = await TestClips.Mp4Async();
        var id = await SegmentUploads.CreateAsync(mine, clip.Length);

        using var get = await theirs.GetAsync($"/api/me/segments/{id}").WithTimeout();
        using var put = await SegmentUploads.PutChunkAsync(theirs, id, clip, 0);
        using var delete = await theirs.DeleteAsync($"/api/me/segments/{id}").WithTimeout();

        await AssertProblemAsync(get, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(put, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(delete, HttpStatusCode.NotFound, "not_found");
        Assert.Empty(await Store.StagedBlocksAsync(SegmentKeys.Source(id)).WithTimeout());
        Assert.Empty((await theirs.GetFromJsonAsync<JsonElement[]>("/api/me/segments").WithTimeout())!);
        Assert.Single((await mine.GetFromJsonAsync<JsonElement[]>("/api/me/segments").WithTimeout())!);
    }

    [Fact]
    public async Task DeletingASegmentDeletesItsMedia()
    {
        var creator = await _app.SignInAsync("creator");
        using var http = _app.Http(creator.Token);
        var id = await SegmentUploads.ReadyAsync(http, await TestClips.Mp4Async());

        using var deleted = await http.DeleteAsync($"/api/me/segments/{id}").WithTimeout();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement[]>("/api/me/segments").WithTimeout())!);
        foreach (var key in SegmentKeys.All(id))
        {
            Assert.Null(await Store.GetAsync(key).WithTimeout());
        }
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    private static int IndexOf(byte[] bytes, string box) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(box));
}
