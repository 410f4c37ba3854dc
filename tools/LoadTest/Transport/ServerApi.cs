using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>The REST calls the load test makes around a run: signing users in, starting streams, checking totals.</summary>
public sealed class ServerApi(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Signs a user in through <c>POST /api/auth/dev-login</c>, creating it on first use.</summary>
    public async Task<SignedInUser> SignInAsync(string handle, string role, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/dev-login", new { handle, role }, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        var user = body.GetProperty("user");
        return new SignedInUser(user.GetProperty("id").GetString()!, user.GetProperty("handle").GetString()!, body.GetProperty("accessToken").GetString()!);
    }

    /// <summary>Creates a stream as <paramref name="creator"/> and takes it live; returns its id.</summary>
    public async Task<string> StartStreamAsync(SignedInUser creator, string title, CancellationToken cancellationToken)
    {
        using var create = Request(HttpMethod.Post, "/api/streams", creator, JsonContent.Create(new { title, category = "load-test" }));
        using var created = await _http.SendAsync(create, cancellationToken);
        var id = (await ReadAsync(created, cancellationToken)).GetProperty("id").GetString()!;
        using var start = Request(HttpMethod.Post, $"/api/streams/{id}/start", creator, null);
        using var started = await _http.SendAsync(start, cancellationToken);
        await ReadAsync(started, cancellationToken);
        return id;
    }

    /// <summary>The tokens a stream has received in gifts.</summary>
    public async Task<long> GiftTotalAsync(string streamId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"/api/streams/{streamId}/gifts", cancellationToken);
        return (await ReadAsync(response, cancellationToken)).GetProperty("totalTokens").GetInt64();
    }

    /// <summary>The exact number of reactions a stream has counted, all moods together.</summary>
    public async Task<long> ReactionTotalAsync(string streamId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"/api/streams/{streamId}/mood", cancellationToken);
        return (await ReadAsync(response, cancellationToken)).GetProperty("totals").EnumerateObject().Sum(p => p.Value.GetInt64());
    }

    /// <summary>A user's spendable balance.</summary>
    public async Task<long> BalanceAsync(SignedInUser user, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/api/me/wallet?limit=1", user, null);
        using var response = await _http.SendAsync(request, cancellationToken);
        return (await ReadAsync(response, cancellationToken)).GetProperty("balance").GetInt64();
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, SignedInUser user, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return request;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>A user signed in for the run.</summary>
public sealed record SignedInUser(string Id, string Handle, string Token);
