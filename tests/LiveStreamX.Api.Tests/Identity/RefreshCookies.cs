using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>
/// Sign-in and refresh through the real endpoints, carrying the refresh cookie by hand: a cookie container would
/// not send a Secure cookie over the tests' plain-HTTP loopback.
/// </summary>
internal static class RefreshCookies
{
    public const string Name = "lsx_refresh";

    /// <summary>Signs in by dev-login; returns the answer's body and the refresh cookie's Set-Cookie header.</summary>
    public static async Task<(JsonElement Body, string SetCookie)> DevLoginAsync(LiveStreamXApp app, string role = "viewer", string? handle = null)
    {
        using var http = app.Http();
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle = handle ?? TestIds.Handle(role[..1]), role }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout(), SetCookie(response)!);
    }

    /// <summary>POSTs to an auth endpoint with <paramref name="cookie"/> (a whole Set-Cookie header or just the value).</summary>
    public static async Task<HttpResponseMessage> PostAsync(LiveStreamXApp app, string path, string? cookie)
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{Name}={ValueOf(cookie)}");
        }

        return await http.SendAsync(request).WithTimeout();
    }

    /// <summary>The refresh cookie's Set-Cookie header of a response, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(Name + "=", StringComparison.Ordinal)) : null;

    /// <summary>The value of a Set-Cookie header (or the value itself).</summary>
    public static string ValueOf(string cookie) =>
        cookie.StartsWith(Name + "=", StringComparison.Ordinal) ? cookie[(Name.Length + 1)..].Split(';')[0] : cookie;

    public static string AccessToken(JsonElement signedIn) => signedIn.GetProperty("accessToken").GetString()!;

    /// <summary>The JSON of a JWT's header or payload.</summary>
    public static JsonElement Part(string jwt, int index)
    {
        var part = jwt.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement.Clone();
    }

    /// <summary>The status of <c>GET /api/me</c> with <paramref name="token"/>.</summary>
    public static async Task<HttpStatusCode> MeAsync(LiveStreamXApp app, string token)
    {
        using var http = app.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync("/api/me").WithTimeout();
        return response.StatusCode;
    }

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("code").GetString();
}
