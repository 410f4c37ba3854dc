using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>Raw requests and hub calls for the hardening tests: JSON written by hand, answers read as codes.</summary>
internal static class Refusals
{
    /// <summary>Sends <paramref name="json"/> exactly as written (lone surrogates, duplicate keys, strings for numbers).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, body);
    }

    /// <summary>The <c>code</c> member of a problem, or null.</summary>
    public static string? Code(this JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>The field names of a validation problem.</summary>
    public static IReadOnlyList<string> Fields(this JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(e => e.Name)]
            : [];

    /// <summary>A JSON value written by hand, for hub arguments the .NET client would otherwise re-encode.</summary>
    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>The message of the <c>HubException</c> a call failed with, after the client's prefix.</summary>
    public static async Task<string> HubErrorOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(call);
        const string marker = "HubException: ";
        var start = error.Message.IndexOf(marker, StringComparison.Ordinal);
        return start >= 0 ? error.Message[(start + marker.Length)..] : error.Message;
    }
}
