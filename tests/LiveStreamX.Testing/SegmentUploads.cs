using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiveStreamX.Testing;

/// <summary>Uploads a clip the way the web client does: create, PUT each chunk, complete; and waits for processing.</summary>
public static class SegmentUploads
{
    /// <summary>The smallest chunk the Api takes, so that small test clips still come in several chunks.</summary>
    public const int SmallChunk = 64 * 1024;

    /// <summary>Creates an upload of <paramref name="size"/> bytes and returns its segment id (no chunk sent).</summary>
    public static async Task<string> CreateAsync(HttpClient http, long size, string title = "Test clip", int chunkSize = SmallChunk)
    {
        using var created = await http.PostAsJsonAsync("/api/me/segments", new { title, size, chunkSize }).WithTimeout();
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("id").GetString()!;
    }

    /// <summary>Sends chunk <paramref name="index"/> of <paramref name="bytes"/>.</summary>
    public static async Task<HttpResponseMessage> PutChunkAsync(HttpClient http, string id, byte[] bytes, int index, int chunkSize = SmallChunk)
    {
        var offset = index * chunkSize;
        var content = new ByteArrayContent(bytes, offset, Math.Min(chunkSize, bytes.Length - offset));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await http.PutAsync($"/api/me/segments/{id}/chunks/{index}", content).WithTimeout();
    }

    /// <summary>Uploads <paramref name="bytes"/> whole and completes the upload; returns the segment id.</summary>
    public static async Task<string> UploadAsync(HttpClient http, byte[] bytes, string title = "Test clip", int chunkSize = SmallChunk)
    {
        var id = await CreateAsync(http, bytes.Length, title, chunkSize);
        var chunks = (bytes.Length + chunkSize - 1) / chunkSize;
        for (var i = 0; i < chunks; i++)
        {
            using var put = await PutChunkAsync(http, id, bytes, i, chunkSize);
            put.EnsureSuccessStatusCode();
        }

        using var completed = await http.PostAsync($"/api/me/segments/{id}/complete", null).WithTimeout();
        completed.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Waits until the segment is ready or failed (ffmpeg on a busy machine: a minute at most) and returns it.</summary>
    public static async Task<JsonElement> WaitProcessedAsync(HttpClient http, string id)
    {
        JsonElement segment = default;
        await Timeouts.Eventually(async () =>
        {
            segment = await http.GetFromJsonAsync<JsonElement>($"/api/me/segments/{id}").WithTimeout();
            return segment.GetProperty("status").GetString() is "ready" or "failed";
        }, $"segment {id} is processed", TimeSpan.FromMinutes(1));
        return segment;
    }

    /// <summary>Uploads and waits until ready; fails when processing failed.</summary>
    public static async Task<string> ReadyAsync(HttpClient http, byte[] bytes, string title = "Test clip")
    {
        var id = await UploadAsync(http, bytes, title);
        var segment = await WaitProcessedAsync(http, id);
        if (segment.GetProperty("status").GetString() != "ready")
        {
            throw new InvalidOperationException($"Segment {id} failed: {segment.GetProperty("failureReason")}");
        }

        return id;
    }
}
