using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>A node without Stripe keys: the store says purchases are not configured, and earnings are held for the holding period.</summary>
public sealed class WithoutStripeSettings : IDisposable
{
    private readonly LiveStreamXApp _app = new(new Dictionary<string, string?>
    {
        ["LSX:Payouts:MinimumTokens"] = "100",
        ["LSX:Payouts:HoldDays"] = "1",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheStoreSaysPurchasesAreNotConfiguredAndRefusesCheckoutWithACode()
    {
        var admin = _app.Admin();
        using (var put = await _app.Http(admin.Token).PutAsJsonAsync("/api/admin/store/packs/fan", new { name = "Fan", tokens = 1000, bonusTokens = 100, priceCents = 999, currency = "usd" }).WithTimeout())
        {
            put.EnsureSuccessStatusCode();
        }

        var store = await _app.Http().GetFromJsonAsync<JsonElement>("/api/store/packs").WithTimeout();
        Assert.False(store.GetProperty("configured").GetBoolean());
        Assert.Single(store.GetProperty("packs").EnumerateArray());

        var buyer = await _app.SignInAsync();
        using var checkout = await _app.Http(buyer.Token).PostAsJsonAsync("/api/store/checkout", new { packId = "fan" }).WithTimeout();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, checkout.StatusCode);
        Assert.Equal("not_configured", await checkout.CodeOfAsync());
        Assert.Equal(1000, await _app.BalanceAsync(buyer));
    }

    [Fact]
    public async Task EarningsYoungerThanTheHoldingPeriodAreNotWithdrawable()
    {
        var creator = await _app.SignInAsync("creator");
        var stream = await _app.CreateStreamAsync(creator);
        var fan = await _app.SignInAsync();
        (await _app.GiftAsync(fan, stream, "rainbow", 1)).EnsureSuccessStatusCode();
        var admin = _app.Admin();
        (await _app.Http(admin.Token).PutAsJsonAsync($"/api/admin/creators/{creator.Id}/payout-account", new { verified = true, stripeAccountId = "acct_held" }).WithTimeout())
            .EnsureSuccessStatusCode();

        using var http = _app.Http(creator.Token);
        var mine = await http.GetFromJsonAsync<JsonElement>("/api/me/payouts").WithTimeout();
        Assert.Equal(350, mine.GetProperty("balance").GetProperty("held").GetInt64());
        Assert.Equal(0, mine.GetProperty("balance").GetProperty("withdrawable").GetInt64());
        using var refused = await http.PostAsJsonAsync("/api/me/payouts", new { amount = 200, idempotencyKey = Guid.NewGuid().ToString("N") }).WithTimeout();
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal("insufficient_funds", await refused.CodeOfAsync());
        await _app.AssertLedgerVerifiesAsync(admin);
    }
}
