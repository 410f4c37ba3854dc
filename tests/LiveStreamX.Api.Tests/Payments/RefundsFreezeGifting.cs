using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>Refunds take purchased tokens back (below zero if they were spent: gifting freezes); disputes freeze and are audited.</summary>
[Collection(StoreCollection.Name)]
public sealed class RefundsFreezeGifting(StoreFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ARefundOfSpentTokensFreezesGiftingUntilAPurchaseSettlesIt()
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator);
        var buyer = await App.SignInAsync();
        var (session, _) = await BuyAsync(buyer);
        (await App.GiftAsync(buyer, stream, "dragon", 1)).EnsureSuccessStatusCode();
        Assert.Equal(100, await App.BalanceAsync(buyer));

        // A partial refund first (half the price: half the pack's tokens), then the rest; each delivered twice.
        foreach (var refunded in new[] { 499L, 999L, 999L })
        {
            using var response = await fixture.Stripe.SendAsync(StripeStandIn.Event("charge.refunded", fixture.Stripe.RefundedCharge(session, refunded)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(100 - 1100, await App.BalanceAsync(buyer));
        using var refused = await App.GiftAsync(buyer, stream, "rose", 1);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("frozen", await refused.CodeOfAsync());
        var audit = await AuditAsync("purchase-refund", buyer.Id);
        Assert.Equal(2, audit.Count);

        await BuyAsync(buyer);
        Assert.Equal(100, await App.BalanceAsync(buyer));
        (await App.GiftAsync(buyer, stream, "rose", 1)).EnsureSuccessStatusCode();
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task ADisputeFreezesGiftingAndIsAuditedUntilItIsWon()
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator);
        var buyer = await App.SignInAsync();
        var (session, _) = await BuyAsync(buyer);
        var disputeId = "dp_" + Guid.NewGuid().ToString("N");

        using (var opened = await fixture.Stripe.SendAsync(StripeStandIn.Event("charge.dispute.created", fixture.Stripe.Dispute(session, disputeId))))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        using (var refused = await App.GiftAsync(buyer, stream, "rose", 1))
        {
            Assert.Equal("frozen", await refused.CodeOfAsync());
        }

        var freeze = Assert.Single(await AuditAsync("wallet-freeze", buyer.Id));
        Assert.Contains(disputeId, freeze.GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Equal(2100, await App.BalanceAsync(buyer));

        using (var won = await fixture.Stripe.SendAsync(StripeStandIn.Event("charge.dispute.closed", fixture.Stripe.Dispute(session, disputeId, "won"))))
        {
            Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        }

        (await App.GiftAsync(buyer, stream, "rose", 1)).EnsureSuccessStatusCode();
        Assert.Single(await AuditAsync("wallet-unfreeze", buyer.Id));
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task ALostDisputeTakesThePackBack()
    {
        var buyer = await App.SignInAsync();
        var (session, _) = await BuyAsync(buyer);
        var disputeId = "dp_" + Guid.NewGuid().ToString("N");
        (await fixture.Stripe.SendAsync(StripeStandIn.Event("charge.dispute.created", fixture.Stripe.Dispute(session, disputeId)))).EnsureSuccessStatusCode();
        (await fixture.Stripe.SendAsync(StripeStandIn.Event("charge.dispute.closed", fixture.Stripe.Dispute(session, disputeId, "lost")))).EnsureSuccessStatusCode();
        Assert.Equal(1000, await App.BalanceAsync(buyer));
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task ARefundOfAPaymentThatIsNoPurchaseIsAcknowledgedAndIgnored()
    {
        var charge = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "ch_other", ["object"] = "charge", ["amount"] = 1000, ["amount_refunded"] = 1000, ["payment_intent"] = "pi_" + Guid.NewGuid().ToString("N"),
        };
        using var response = await fixture.Stripe.SendAsync(StripeStandIn.Event("charge.refunded", charge));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored: unknown payment", (await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout()).GetProperty("outcome").GetString());
    }

    private async Task<(string SessionId, string Url)> BuyAsync(TestUser buyer)
    {
        var checkout = await App.CheckoutAsync(buyer);
        (await fixture.Stripe.CompleteAsync(checkout.SessionId)).EnsureSuccessStatusCode();
        return checkout;
    }

    private async Task<List<JsonElement>> AuditAsync(string action, string userId)
    {
        using var http = App.Http(fixture.Admin.Token);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action={action}&targetUserId={userId}").WithTimeout();
        return [.. page.GetProperty("entries").EnumerateArray()];
    }
}
