using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Discovery;

/// <summary>Streams of a chosen category, and reading the recommendations, for the discovery tests.</summary>
internal static class DiscoveryStreams
{
    /// <summary>A category no other test uses.</summary>
    public static string Category() => "cat-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Creates a stream of <paramref name="category"/> as <paramref name="creator"/> and starts it.</summary>
    public static async Task<string> LiveAsync(LiveStreamXApp app, TestUser creator, string category, string title = "Discovery stream", string[]? tags = null)
    {
        using var http = app.Http(creator.Token);
        using var created = await http.PostAsJsonAsync("/api/streams", new { title, category, tags }).WithTimeout();
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("id").GetString()!;
        using var started = await http.PostAsync($"/api/streams/{id}/start", null).WithTimeout();
        started.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Asserts the response is a problem with this status and code.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    /// <summary>The stream ids of a recommendation list, in order.</summary>
    public static IReadOnlyList<string> Ids(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("stream").GetProperty("streamId").GetString()!)];
}
