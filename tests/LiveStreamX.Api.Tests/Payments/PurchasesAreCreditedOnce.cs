using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>Checkout through the stand-in, under concurrency: every paid session credits its pack exactly once.</summary>
[Collection(StoreCollection.Name)]
public sealed class PurchasesAreCreditedOnce(StoreFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheStoreListsThePacksAndSaysPurchasesAreConfigured()
    {
        var store = await App.Http().GetFromJsonAsync<JsonElement>("/api/store/packs").WithTimeout();
        Assert.True(store.GetProperty("configured").GetBoolean());
        var fan = store.GetProperty("packs").EnumerateArray().Single(p => p.GetProperty("id").GetString() == StoreFixture.Pack);
        Assert.Equal(100, fan.GetProperty("bonusTokens").GetInt64());
    }

    [Fact]
    public async Task CheckoutCreatesASessionWithTheBuyerAndThePackInItsMetadata()
    {
        var buyer = await App.SignInAsync();
        var (sessionId, url) = await App.CheckoutAsync(buyer);
        var session = fixture.Stripe.Session(sessionId);
        Assert.Equal(buyer.Id, session["metadata"]!["userId"]!.GetValue<string>());
        Assert.Equal(StoreFixture.Pack, session["metadata"]!["packId"]!.GetValue<string>());
        Assert.Equal(999, session["amount_total"]!.GetValue<long>());
        Assert.StartsWith(App.BaseAddress.ToString().TrimEnd('/') + "/store/success?session_id=", session["success_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith(fixture.Stripe.ApiBase.ToString(), url, StringComparison.Ordinal);

        using var http = App.Http(buyer.Token);
        var purchase = await http.GetFromJsonAsync<JsonElement>($"/api/store/purchases/{sessionId}").WithTimeout();
        Assert.Equal("open", purchase.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownPackIsNotFoundAndAnonymousBuyersMustSignIn()
    {
        var buyer = await App.SignInAsync();
        using var http = App.Http(buyer.Token);
        using var unknown = await http.PostAsJsonAsync("/api/store/checkout", new { packId = "no-such-pack" }).WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var empty = await http.PostAsJsonAsync("/api/store/checkout", new { packId = "" }).WithTimeout();
        Assert.Equal("invalid_input", await empty.CodeOfAsync());
        using var anonymous = await App.Http().PostAsJsonAsync("/api/store/checkout", new { packId = StoreFixture.Pack }).WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TwoHundredConcurrentPurchasesAreEachCreditedOnce()
    {
        const int purchases = 200;
        var buyers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => App.SignInAsync()));
        var sessions = await Task.WhenAll(Enumerable.Range(0, purchases).Select(i => App.CheckoutAsync(buyers[i % buyers.Length])));

        // Every completion delivered twice (Stripe retries), 64 at a time: within the node's plain HTTP connection limit.
        using var gate = new SemaphoreSlim(64);
        var deliveries = sessions.SelectMany(s => new[] { s.SessionId, s.SessionId }).Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await fixture.Stripe.CompleteAsync(id);
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        });
        var statuses = await Task.WhenAll(deliveries).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        foreach (var buyer in buyers)
        {
            // 1,000 to start, and 10 packs of 1,100 each.
            Assert.Equal(1000 + (purchases / buyers.Length * 1100), await App.BalanceAsync(buyer));
        }

        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task ThePayPageSendsTheWebhookAndRedirectsToTheSuccessPage()
    {
        var buyer = await App.SignInAsync();
        var (sessionId, url) = await App.CheckoutAsync(buyer);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Timeouts.Default };
        Assert.Contains("<button type=\"submit\">Pay</button>", await browser.GetStringAsync(url).WithTimeout(), StringComparison.Ordinal);

        using var paid = await browser.PostAsync(url, null).WithTimeout();
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal($"{App.BaseAddress.ToString().TrimEnd('/')}/store/success?session_id={sessionId}", paid.Headers.Location!.ToString());
        using var http = App.Http(buyer.Token);
        var purchase = await http.GetFromJsonAsync<JsonElement>($"/api/store/purchases/{sessionId}").WithTimeout();
        Assert.Equal("paid", purchase.GetProperty("status").GetString());
        Assert.Equal(2100, await App.BalanceAsync(buyer));
    }

    [Fact]
    public async Task AnExpiredSessionCreditsNothing()
    {
        var buyer = await App.SignInAsync();
        var (sessionId, _) = await App.CheckoutAsync(buyer);
        using var response = await fixture.Stripe.SendAsync(StripeStandIn.Event("checkout.session.expired", fixture.Stripe.Session(sessionId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var http = App.Http(buyer.Token);
        Assert.Equal("expired", (await http.GetFromJsonAsync<JsonElement>($"/api/store/purchases/{sessionId}").WithTimeout()).GetProperty("status").GetString());
        Assert.Equal(1000, await App.BalanceAsync(buyer));
    }
}
