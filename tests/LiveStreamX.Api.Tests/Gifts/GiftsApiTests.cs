using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Gifts;

[Collection(AppCollection.Name)]
public sealed class GiftsApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    private static string Key() => "k_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TheCatalogListsActiveGiftsCheapestFirst()
    {
        var gifts = (await App.Http().GetFromJsonAsync<JsonElement>("/api/gifts").WithTimeout()).EnumerateArray().ToList();
        Assert.True(gifts.Count >= 12);
        var costs = gifts.Select(g => g.GetProperty("tokenCost").GetInt32()).ToList();
        Assert.Equal(costs.Order(), costs);
        Assert.Contains(gifts, g => g.GetProperty("rarity").GetString() == "legendary");
    }

    [Fact]
    public async Task AGiftCanBeSentOverHttpWithTheSameRulesAsTheHub()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);
        var key = Key();

        using var sent = await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "rose", count = 5, idempotencyKey = key }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        using var again = await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "rose", count = 5, idempotencyKey = key }).WithTimeout();
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());

        using var broke = await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "galaxy", count = 1, idempotencyKey = Key() }).WithTimeout();
        Assert.Equal(HttpStatusCode.PaymentRequired, broke.StatusCode);
        Assert.Equal("insufficient_funds", (await broke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        using var invalid = await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "rose" }).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        using var anonymous = await App.Http().PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "rose", count = 1, idempotencyKey = Key() }).WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var stats = await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/gifts").WithTimeout();
        Assert.Equal(5, stats.GetProperty("totalTokens").GetInt64());
        Assert.Equal(viewer.Handle, stats.GetProperty("topGifters")[0].GetProperty("handle").GetString());
    }

    [Fact]
    public async Task CommandGiftsAreValidatedWithFieldErrorsWhenSaved()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        using var http = App.Http(creator.Token);

        using var bad = await http.PutAsJsonAsync($"/api/streams/{streamId}/command-gifts", new
        {
            mappings = new object[]
            {
                new { giftCode = "rose", action = "theme-flash", @params = new { color = "javascript:alert(1)" } },
                new { giftCode = "heart", action = "launch-missiles", @params = new { } },
                new { giftCode = "star", action = "confetti", @params = new { intensity = 3, onload = "x" } },
            },
            cooldowns = new Dictionary<string, int> { ["confetti"] = -1 },
        }).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("mappings[0].params.color", out _));
        Assert.True(errors.TryGetProperty("mappings[1].action", out _));
        Assert.True(errors.TryGetProperty("mappings[2].params.onload", out _));
        Assert.True(errors.TryGetProperty("cooldowns.confetti", out _));

        var saved = await http.GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/command-gifts").WithTimeout();
        Assert.Empty(saved.GetProperty("mappings").EnumerateArray());

        var viewer = await App.SignInAsync();
        using var asViewer = App.Http(viewer.Token);
        using var forbidden = await asViewer.PutAsJsonAsync($"/api/streams/{streamId}/command-gifts", new { mappings = Array.Empty<object>() }).WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheCommandWhitelistDescribesEveryActionsParameters()
    {
        var commands = (await App.Http().GetFromJsonAsync<JsonElement>("/api/commands").WithTimeout()).EnumerateArray().ToList();
        Assert.Equal(
            new[] { "confetti", "sound-effect", "slow-mo-chat", "spin-wheel", "spotlight-message", "theme-flash" }.Order(StringComparer.Ordinal),
            commands.Select(c => c.GetProperty("action").GetString()!).Order(StringComparer.Ordinal));
        var wheel = commands.Single(c => c.GetProperty("action").GetString() == "spin-wheel");
        Assert.Equal("string[]", wheel.GetProperty("params")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task AdminsAddAndRetireGiftsAndOthersCannot()
    {
        var code = "a-" + Guid.NewGuid().ToString("N")[..8];
        var body = new { code, name = "Admin gift", tokenCost = 7, animationKey = "sparkle", rarity = "rare" };
        var viewer = await App.SignInAsync();
        using (var asViewer = App.Http(viewer.Token))
        {
            using var forbidden = await asViewer.PostAsJsonAsync("/api/admin/gifts", body).WithTimeout();
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var admin = App.Http(App.Admin().Token);
        using var created = await admin.PostAsJsonAsync("/api/admin/gifts", body).WithTimeout();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(code, await App.Http().GetStringAsync("/api/gifts"));

        using var invalid = await admin.PostAsJsonAsync("/api/admin/gifts", new { code = "X", name = "", tokenCost = 0, animationKey = "a", rarity = "mythic" }).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        using var retired = await admin.PostAsync($"/api/admin/gifts/{code}/retire", null).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain(code, await App.Http().GetStringAsync("/api/gifts"));
    }

    [Fact]
    public async Task TheLedgerVerifiesAfterGiftsAndAnAdminGrant()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);
        (await http.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "coffee", count = 3, idempotencyKey = Key() })).EnsureSuccessStatusCode();

        using var admin = App.Http(App.Admin().Token);
        using var granted = await admin.PostAsJsonAsync($"/api/admin/wallets/{viewer.Id}/grant", new { amount = 250, reason = "support", idempotencyKey = Key() }).WithTimeout();
        Assert.Equal(1190, (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetInt64());

        var verification = await admin.GetFromJsonAsync<JsonElement>("/api/admin/ledger/verify").WithTimeout();
        Assert.True(verification.GetProperty("ok").GetBoolean(), verification.ToString());

        using var asViewer = await http.GetAsync("/api/admin/ledger/verify").WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
    }

    [Fact]
    public async Task TheWalletPagesItsLedgerAndRejectsBadQueries()
    {
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);
        var wallet = await http.GetFromJsonAsync<JsonElement>("/api/me/wallet?limit=10").WithTimeout();
        Assert.Equal("grant", wallet.GetProperty("entries")[0].GetProperty("kind").GetString());
        Assert.Equal("spendable", wallet.GetProperty("entries")[0].GetProperty("account").GetString());

        using var badLedger = await http.GetAsync("/api/me/wallet?ledger=secret").WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, badLedger.StatusCode);
        using var badLimit = await http.GetAsync("/api/me/wallet?limit=1000").WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        using var anonymous = await App.Http().GetAsync("/api/me/wallet").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
