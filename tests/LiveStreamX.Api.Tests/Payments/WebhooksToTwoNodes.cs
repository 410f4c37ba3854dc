using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>
/// Two Api nodes (each with its silo) in one cluster on Redis: the same completion delivered to both at once, and
/// another event for the same session to both, credit the pack once.
/// </summary>
public sealed class WebhooksToTwoNodes : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private StripeStandIn _stripe = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _stripe = await StripeStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _stripe.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task TheSameEventToTwoNodesAtOnceCreditsOnce()
    {
        var settings = _redis.ApiNodeSettings("two-nodes-signing-key-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in _stripe.Settings())
        {
            settings[key] = value;
        }

        using var first = new LiveStreamXApp(settings);
        settings["LSX:Orleans:SiloPort"] = FreePort.Next().ToString();
        settings["LSX:Orleans:GatewayPort"] = FreePort.Next().ToString();
        using var second = new LiveStreamXApp(settings);
        var admin = first.Admin();
        (await first.Http(admin.Token).PutAsJsonAsync("/api/admin/store/packs/fan", new { name = "Fan", tokens = 1000, bonusTokens = 100, priceCents = 999, currency = "usd" }).WithTimeout())
            .EnsureSuccessStatusCode();

        var nodes = new[] { first, second };
        var hooks = nodes.Select(n => new Uri(n.BaseAddress, "/api/webhooks/stripe")).ToArray();
        var buyers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => nodes[i % 2].SignInAsync()));
        foreach (var (buyer, i) in buyers.Select((b, i) => (b, i)))
        {
            var (session, _) = await nodes[i % 2].CheckoutAsync(buyer);
            var completed = StripeStandIn.Event("checkout.session.completed", Paid(session));
            var again = StripeStandIn.Event("checkout.session.completed", Paid(session));

            // Four deliveries at once: one event to both nodes, and a second event id for the same session to both.
            var responses = await Task.WhenAll(hooks.SelectMany(h => new[] { _stripe.SendAsync(completed, to: h), _stripe.SendAsync(again, to: h) }));
            foreach (var response in responses)
            {
                using (response)
                {
                    // A node that lost a race to the other's activation answers unavailable: Stripe retries it.
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        (await _stripe.SendAsync(completed, to: hooks[0])).EnsureSuccessStatusCode();
                    }
                    else
                    {
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    }
                }
            }
        }

        foreach (var (buyer, i) in buyers.Select((b, i) => (b, i)))
        {
            Assert.Equal(2100, await nodes[(i + 1) % 2].BalanceAsync(buyer));
        }

        await second.AssertLedgerVerifiesAsync(admin);
    }

    private System.Text.Json.Nodes.JsonObject Paid(string sessionId)
    {
        var session = System.Text.Json.Nodes.JsonNode.Parse(_stripe.Session(sessionId).ToJsonString())!.AsObject();
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = "pi_" + sessionId[^20..];
        return session;
    }
}
