using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>A real Api node pointed at a running <see cref="StripeStandIn"/>, with token packs on sale and payouts without a hold.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public const string Pack = "fan";

    public StripeStandIn Stripe { get; private set; } = null!;

    public LiveStreamXApp App { get; private set; } = null!;

    public TestUser Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await StripeStandIn.StartAsync();
        var settings = Stripe.Settings();
        settings["LSX:Payouts:MinimumTokens"] = "100";
        settings["LSX:Payouts:HoldDays"] = "0";
        App = new LiveStreamXApp(settings);
        Stripe.WebhookUrl = new Uri(App.BaseAddress, "/api/webhooks/stripe");
        Admin = App.Admin();
        using var http = App.Http(Admin.Token);
        foreach (var (id, tokens, bonus, price) in new[] { ("starter", 500L, 0L, 499L), (Pack, 1000L, 100L, 999L), ("legend", 5000L, 1500L, 4999L) })
        {
            using var put = await http.PutAsJsonAsync($"/api/admin/store/packs/{id}", new { name = id, tokens, bonusTokens = bonus, priceCents = price, currency = "usd" }).WithTimeout();
            put.EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<StoreFixture>
{
    public const string Name = "store";
}

/// <summary>The calls money tests make, over the real HTTP API.</summary>
public static class Money
{
    public static async Task<(string SessionId, string Url)> CheckoutAsync(this LiveStreamXApp app, TestUser user, string pack = StoreFixture.Pack)
    {
        using var http = app.Http(user.Token);
        using var response = await http.PostAsJsonAsync("/api/store/checkout", new { packId = pack }).WithTimeout();
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        return (body.GetProperty("sessionId").GetString()!, body.GetProperty("url").GetString()!);
    }

    public static async Task<JsonElement> WalletAsync(this LiveStreamXApp app, TestUser user, string ledger = "spendable")
    {
        using var http = app.Http(user.Token);
        return await http.GetFromJsonAsync<JsonElement>($"/api/me/wallet?ledger={ledger}").WithTimeout();
    }

    public static async Task<long> BalanceAsync(this LiveStreamXApp app, TestUser user) =>
        (await app.WalletAsync(user)).GetProperty("balance").GetInt64();

    public static async Task<HttpResponseMessage> GiftAsync(this LiveStreamXApp app, TestUser user, string streamId, string code, int count, string? key = null)
    {
        using var http = app.Http(user.Token);
        return await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts",
            new { giftCode = code, count, idempotencyKey = key ?? Guid.NewGuid().ToString("N") }).WithTimeout();
    }

    /// <summary>The ledger verification; asserts it is ok and returns it.</summary>
    public static async Task<JsonElement> AssertLedgerVerifiesAsync(this LiveStreamXApp app, TestUser admin)
    {
        using var http = app.Http(admin.Token);
        var verification = await http.GetFromJsonAsync<JsonElement>("/api/admin/ledger/verify").WithTimeout();
        Assert.True(verification.GetProperty("ok").GetBoolean(), verification.GetRawText());
        Assert.Equal(3, verification.GetProperty("equations").GetArrayLength());
        return verification;
    }

    public static async Task<string> CodeOfAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("code").GetString()!;
}
