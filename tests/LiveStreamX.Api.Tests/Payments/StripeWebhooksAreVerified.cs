using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>
/// POST /api/webhooks/stripe takes only events signed with the endpoint secret in Stripe's scheme, within the
/// timestamp tolerance; anything else is refused with <c>invalid_signature</c> and credits nothing.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class StripeWebhooksAreVerified(StoreFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AValidlySignedCompletionCreditsThePackAndItsBonus()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await App.CheckoutAsync(buyer);
        using var response = await fixture.Stripe.CompleteAsync(session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000 + 1000 + 100, await App.BalanceAsync(buyer));

        // The purchase entry carries the Stripe ids; the bonus sits beside it.
        var entries = (await App.WalletAsync(buyer)).GetProperty("entries").EnumerateArray().ToList();
        var purchase = entries.Single(e => e.GetProperty("kind").GetString() == "purchase");
        Assert.Equal(1000, purchase.GetProperty("amount").GetInt64());
        Assert.Contains(session, purchase.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Contains(fixture.Stripe.Session(session)["payment_intent"]!.GetValue<string>(), purchase.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, entries.Single(e => e.GetProperty("kind").GetString() == "purchase-bonus").GetProperty("amount").GetInt64());
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task ASignatureMadeByStripesOwnLibraryIsAccepted()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await App.CheckoutAsync(buyer);
        var payload = StripeStandIn.Event("checkout.session.completed", PaidSession(session));
        var header = await StripeStandIn.SignWithStripeNodeAsync(payload, fixture.Stripe.WebhookSecret, DateTimeOffset.UtcNow);
        Assert.Equal(StripeStandIn.Sign(payload, fixture.Stripe.WebhookSecret, DateTimeOffset.FromUnixTimeSeconds(long.Parse(header[2..header.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))), header);

        using var response = await fixture.Stripe.SendAsync(payload, header);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2100, await App.BalanceAsync(buyer));
    }

    [Fact]
    public async Task ATamperedBodyIsRefusedAndCreditsNothing()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await App.CheckoutAsync(buyer);
        var payload = StripeStandIn.Event("checkout.session.completed", PaidSession(session));
        var header = StripeStandIn.Sign(payload, fixture.Stripe.WebhookSecret);
        var tampered = payload.Replace("\"amount_total\":999", "\"amount_total\":1", StringComparison.Ordinal);
        Assert.NotEqual(payload, tampered);

        await AssertRefusedAsync(await fixture.Stripe.SendAsync(tampered, header));
        Assert.Equal(1000, await App.BalanceAsync(buyer));
    }

    [Fact]
    public async Task AnEventSignedWithAnotherSecretIsRefused()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await App.CheckoutAsync(buyer);
        var payload = StripeStandIn.Event("checkout.session.completed", PaidSession(session));

        await AssertRefusedAsync(await fixture.Stripe.SendAsync(payload, StripeStandIn.Sign(payload, "whsec_someone_else")));
        Assert.Equal(1000, await App.BalanceAsync(buyer));
    }

    [Fact]
    public async Task AnEventSignedLongerAgoThanTheToleranceIsRefused()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await App.CheckoutAsync(buyer);
        var payload = StripeStandIn.Event("checkout.session.completed", PaidSession(session));
        var stale = StripeStandIn.Sign(payload, fixture.Stripe.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10));

        await AssertRefusedAsync(await fixture.Stripe.SendAsync(payload, stale));
        Assert.Equal(1000, await App.BalanceAsync(buyer));
    }

    [Fact]
    public async Task AnEventWithoutASignatureIsRefused()
    {
        using var http = App.Http();
        using var response = await http.PostAsync("/api/webhooks/stripe",
            new StringContent(StripeStandIn.Event("checkout.session.completed", new JsonObject { ["id"] = "cs_x" }), System.Text.Encoding.UTF8, "application/json")).WithTimeout();
        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task AnUnknownEventTypeIsAcknowledgedAndIgnored()
    {
        using var response = await fixture.Stripe.SendAsync(StripeStandIn.Event("customer.created", new JsonObject { ["id"] = "cus_123", ["object"] = "customer" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        Assert.Equal("ignored: event type", body.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task AReplayedEventCreditsOnce()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await App.CheckoutAsync(buyer);
        var payload = StripeStandIn.Event("checkout.session.completed", PaidSession(session));

        using var first = await fixture.Stripe.SendAsync(payload);
        using var again = await fixture.Stripe.SendAsync(payload);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("duplicate").GetBoolean());

        // Another event for the same session (Stripe may send one again under a new id) credits nothing either.
        using var other = await fixture.Stripe.SendAsync(StripeStandIn.Event("checkout.session.completed", PaidSession(session)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2100, await App.BalanceAsync(buyer));
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    private JsonObject PaidSession(string sessionId)
    {
        var session = JsonNode.Parse(fixture.Stripe.Session(sessionId).ToJsonString())!.AsObject();
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = "pi_" + Guid.NewGuid().ToString("N");
        foreach (var key in session.Select(p => p.Key).Where(k => k.StartsWith("lsx_", StringComparison.Ordinal)).ToList())
        {
            session.Remove(key);
        }

        return session;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_signature", await response.CodeOfAsync());
        }
    }
}
