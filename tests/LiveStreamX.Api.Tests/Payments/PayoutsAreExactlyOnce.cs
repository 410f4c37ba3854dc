using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Payments;

/// <summary>Payouts: checked against the minimum, the withdrawable earnings and the verified flag; debited once; paid, rejected or failed exactly once.</summary>
[Collection(StoreCollection.Name)]
public sealed class PayoutsAreExactlyOnce(StoreFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ADoubleClickedPayoutIsOnePayoutPaidByOneTransfer()
    {
        var creator = await EarningCreatorAsync(700);
        var key = Guid.NewGuid().ToString("N");

        // The same request twice at once, and once more after: one payout, one debit.
        var requests = await Task.WhenAll(RequestAsync(creator, 500, key), RequestAsync(creator, 500, key));
        var again = await RequestAsync(creator, 500, key);
        var ids = requests.Append(again).Select(r => Assert.IsType<JsonElement>(r.Body).GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(ids);
        Assert.All(requests.Append(again), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var mine = await MineAsync(creator);
        Assert.Equal(200, mine.GetProperty("balance").GetProperty("withdrawable").GetInt64());
        Assert.Equal(500, mine.GetProperty("balance").GetProperty("inFlight").GetInt64());
        Assert.Contains(await QueueAsync("requested"), p => p.GetProperty("id").GetString() == ids[0]);
        await App.AssertLedgerVerifiesAsync(fixture.Admin);

        var paid = await DecideAsync(ids[0]!, "approve");
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        var twice = await DecideAsync(ids[0]!, "approve", HttpStatusCode.Conflict);
        Assert.Equal("invalid_transition", twice.GetProperty("code").GetString());
        var transfer = Assert.Single(fixture.Stripe.Transfers, t => t["transfer_group"]!.GetValue<string>() == ids[0]);
        Assert.Equal(500, transfer["amount"]!.GetValue<long>());
        Assert.Equal(paid.GetProperty("transferId").GetString(), transfer["id"]!.GetValue<string>());

        mine = await MineAsync(creator);
        Assert.Equal(500, mine.GetProperty("balance").GetProperty("paidOut").GetInt64());
        Assert.Equal(0, mine.GetProperty("balance").GetProperty("inFlight").GetInt64());
        Assert.Equal(200, mine.GetProperty("balance").GetProperty("earnings").GetInt64());
        Assert.Equal(new[] { "payout-approve", "payout-paid", "payout-request" }, (await AuditAsync(creator.Id)).Where(a => a.StartsWith("payout-", StringComparison.Ordinal) && a != "payout-account").Order());
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task PayoutsBelowTheMinimumOrAboveTheWithdrawableAmountAreRefusedAndChangeNothing()
    {
        var creator = await EarningCreatorAsync(700);
        var below = await RequestAsync(creator, 99, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.BadRequest, below.Status);
        var above = await RequestAsync(creator, 701, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.PaymentRequired, above.Status);
        Assert.Equal("insufficient_funds", above.Body.GetProperty("code").GetString());
        foreach (var amount in new long[] { 0, -5, 2_000_000_000 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await RequestAsync(creator, amount, Guid.NewGuid().ToString("N"))).Status);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await RequestAsync(creator, 100, "short")).Status);
        var mine = await MineAsync(creator);
        Assert.Equal(700, mine.GetProperty("balance").GetProperty("withdrawable").GetInt64());
        Assert.Equal(0, mine.GetProperty("payouts").GetArrayLength());

        // The key of a refused request is free: the same key with a right amount makes the payout.
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.PaymentRequired, (await RequestAsync(creator, 800, key)).Status);
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(creator, 700, key)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await RequestAsync(creator, 600, key)).Status);
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task AnUnverifiedCreatorCannotRequestAPayout()
    {
        var creator = await EarningCreatorAsync(700, verify: false);
        var refused = await RequestAsync(creator, 500, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task ARejectedPayoutReturnsItsAmountOnce()
    {
        var creator = await EarningCreatorAsync(700);
        var id = (await RequestAsync(creator, 600, Guid.NewGuid().ToString("N"))).Body.GetProperty("id").GetString()!;
        Assert.Equal("invalid_input", (await DecideAsync(id, "reject", HttpStatusCode.BadRequest, reason: " ")).GetProperty("code").GetString());
        var rejected = await DecideAsync(id, "reject", reason: "Tax form missing");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Tax form missing", rejected.GetProperty("reason").GetString());
        await DecideAsync(id, "reject", HttpStatusCode.Conflict, reason: "again");
        await DecideAsync(id, "approve", HttpStatusCode.Conflict);

        var mine = await MineAsync(creator);
        Assert.Equal(700, mine.GetProperty("balance").GetProperty("withdrawable").GetInt64());
        Assert.Contains("payout-reject", await AuditAsync(creator.Id));
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task ATransferStripeRefusesFailsThePayoutAndReturnsItsAmount()
    {
        var creator = await EarningCreatorAsync(700, account: StripeStandIn.RefusingAccount);
        var id = (await RequestAsync(creator, 700, Guid.NewGuid().ToString("N"))).Body.GetProperty("id").GetString()!;
        var failed = await DecideAsync(id, "approve");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("cannot receive transfers", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var mine = await MineAsync(creator);
        Assert.Equal(700, mine.GetProperty("balance").GetProperty("withdrawable").GetInt64());
        Assert.Equal(0, mine.GetProperty("balance").GetProperty("paidOut").GetInt64());
        Assert.Contains("payout-failed", await AuditAsync(creator.Id));
        Assert.Contains(await QueueAsync("failed"), p => p.GetProperty("id").GetString() == id);
        await App.AssertLedgerVerifiesAsync(fixture.Admin);
    }

    [Fact]
    public async Task TheStatementItemisesGiftsThePlatformsSharePurchasesAndPayouts()
    {
        var creator = await EarningCreatorAsync(700);
        (await RequestAsync(creator, 300, Guid.NewGuid().ToString("N"))).Body.GetProperty("id").GetString();
        using var http = App.Http(creator.Token);
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var statement = await http.GetFromJsonAsync<JsonElement>($"/api/me/statement?month={month}").WithTimeout();
        var totals = statement.GetProperty("totals");
        Assert.Equal(1000, totals.GetProperty("giftsGross").GetInt64());
        Assert.Equal(300, totals.GetProperty("platformShare").GetInt64());
        Assert.Equal(700, totals.GetProperty("earned").GetInt64());
        Assert.Equal(300, totals.GetProperty("paidOut").GetInt64());
        Assert.Contains(statement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "payout");

        var csv = await http.GetStringAsync($"/api/me/statement?month={month}&format=csv").WithTimeout();
        Assert.StartsWith("date,kind,description,gross,platform_share,tokens,reference\n", csv, StringComparison.Ordinal);
        Assert.Contains("total,gifts,,1000,300,700,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/me/statement?month=2026-13").WithTimeout()).StatusCode);
        var empty = await http.GetFromJsonAsync<JsonElement>("/api/me/statement?month=2001-01").WithTimeout();
        Assert.Equal(0, empty.GetProperty("lines").GetArrayLength());
    }

    /// <summary>A creator, verified with a Connect account unless told otherwise, who earned <paramref name="earned"/> tokens (70% of the gifts).</summary>
    private async Task<TestUser> EarningCreatorAsync(long earned, bool verify = true, string? account = null)
    {
        var creator = await App.SignInAsync("creator");
        var stream = await App.CreateStreamAsync(creator);
        var fan = await App.SignInAsync();
        var gross = earned * 100 / 70;
        foreach (var (code, cost) in new[] { ("galaxy", 5000L), ("rainbow", 500L), ("rocket", 300L), ("coffee", 20L), ("rose", 1L) })
        {
            var count = (int)(gross / cost);
            gross -= count * cost;
            for (; count > 0; count -= Math.Min(count, 100))
            {
                using var sent = await App.GiftAsync(fan, stream, code, Math.Min(count, 100));
                sent.EnsureSuccessStatusCode();
            }
        }

        if (verify)
        {
            using var http = App.Http(fixture.Admin.Token);
            using var set = await http.PutAsJsonAsync($"/api/admin/creators/{creator.Id}/payout-account",
                new { verified = true, stripeAccountId = account ?? "acct_" + Guid.NewGuid().ToString("N")[..16] }).WithTimeout();
            set.EnsureSuccessStatusCode();
        }

        // The gifts reach the earnings through the wallet's outbox: wait until they all have.
        await Timeouts.Eventually(async () => (await MineAsync(creator)).GetProperty("balance").GetProperty("earnings").GetInt64() == earned, "the gifts are earned");
        return creator;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(TestUser creator, long amount, string key)
    {
        using var http = App.Http(creator.Token);
        using var response = await http.PostAsJsonAsync("/api/me/payouts", new { amount, idempotencyKey = key }).WithTimeout();
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout());
    }

    private async Task<JsonElement> MineAsync(TestUser creator)
    {
        using var http = App.Http(creator.Token);
        return await http.GetFromJsonAsync<JsonElement>("/api/me/payouts").WithTimeout();
    }

    private async Task<JsonElement> DecideAsync(string id, string decision, HttpStatusCode expected = HttpStatusCode.OK, string? reason = null)
    {
        using var http = App.Http(fixture.Admin.Token);
        using var response = await http.PostAsJsonAsync($"/api/admin/payouts/{id}/{decision}", new { reason }).WithTimeout();
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
    }

    private async Task<List<JsonElement>> QueueAsync(string status)
    {
        using var http = App.Http(fixture.Admin.Token);
        return [.. (await http.GetFromJsonAsync<JsonElement>($"/api/admin/payouts?status={status}").WithTimeout()).EnumerateArray()];
    }

    private async Task<List<string>> AuditAsync(string creatorId)
    {
        using var http = App.Http(fixture.Admin.Token);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?targetUserId={creatorId}").WithTimeout();
        return [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];
    }
}
