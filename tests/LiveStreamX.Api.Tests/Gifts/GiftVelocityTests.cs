using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Gifts;

/// <summary>Velocity limits on a node configured with a small token budget (100 tokens a minute).</summary>
public sealed class GiftVelocityTests : IDisposable
{
    private readonly LiveStreamXApp _app = new(new Dictionary<string, string?> { ["LSX:Wallets:TokensPerMinute"] = "100" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SpendingPastTheTokensPerMinuteLimitIsRateLimitedAndRecordedAsAbuse()
    {
        var creator = await _app.SignInAsync("creator");
        var streamId = await _app.CreateStreamAsync(creator);
        var viewer = await _app.SignInAsync();
        using var http = _app.Http(viewer.Token);

        using var ok = await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "coffee", count = 5, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var limited = await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "coffee", count = 2, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        using var admin = _app.Http(_app.Admin().Token);
        var signals = await admin.GetFromJsonAsync<JsonElement>("/api/admin/abuse-signals").WithTimeout();
        Assert.Contains(signals.EnumerateArray(), s => s.GetProperty("userId").GetString() == viewer.Id && s.GetProperty("kind").GetString() == "tokens-per-minute");

        var wallet = await http.GetFromJsonAsync<JsonElement>("/api/me/wallet").WithTimeout();
        Assert.Equal(900, wallet.GetProperty("balance").GetInt64());
    }
}
