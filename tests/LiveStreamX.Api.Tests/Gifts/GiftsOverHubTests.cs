using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Gifts;

[Collection(AppCollection.Name)]
public sealed class GiftsOverHubTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    private static string Key() => "k_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AGiftSentOverTheHubReachesEveryViewerAsGiftReceived()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var sender = await App.Hub(viewer).StartAsync();
        await using var creatorPage = await App.Hub(creator).StartAsync();
        await creatorPage.JoinAsync(streamId);
        await sender.JoinAsync(streamId);

        var receipt = await sender.Connection.InvokeAsync<JsonElement>("gift:send", new { streamId, giftCode = "star", count = 2, idempotencyKey = Key() }).WithTimeout();
        Assert.Equal(100, receipt.GetProperty("tokens").GetInt64());
        Assert.Equal(900, receipt.GetProperty("balance").GetInt64());

        var received = await creatorPage.WaitForAsync("gift:received", streamId);
        Assert.Equal(viewer.Handle, received.GetProperty("from").GetProperty("handle").GetString());
        Assert.Equal("star", received.GetProperty("gift").GetProperty("code").GetString());
        Assert.Equal("rare", received.GetProperty("gift").GetProperty("rarity").GetString());
        Assert.Equal(2, received.GetProperty("count").GetInt32());
        Assert.Equal(receipt.GetProperty("transferId").GetString(), received.GetProperty("transferId").GetString());

        using var http = App.Http(creator.Token);
        var wallet = await http.GetFromJsonAsync<JsonElement>("/api/me/wallet?ledger=earnings").WithTimeout();
        Assert.Equal(70, wallet.GetProperty("earnings").GetInt64());
        Assert.Equal(1000, wallet.GetProperty("balance").GetInt64());
        Assert.Equal("platform-share", wallet.GetProperty("entries")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ARetriedGiftSendWithTheSameKeyReturnsTheFirstReceipt()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var sender = await App.Hub(viewer).StartAsync();
        var send = new { streamId, giftCode = "heart", count = 1, idempotencyKey = Key() };

        var first = await sender.Connection.InvokeAsync<JsonElement>("gift:send", send).WithTimeout();
        var second = await sender.Connection.InvokeAsync<JsonElement>("gift:send", send).WithTimeout();

        Assert.Equal(first.GetProperty("transferId").GetString(), second.GetProperty("transferId").GetString());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        using var http = App.Http(viewer.Token);
        Assert.Equal(995, (await http.GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task GiftErrorsReachTheCallerWithTheirCodes()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var scheduled = await App.CreateStreamAsync(creator, live: false);
        var viewer = await App.SignInAsync();
        await using var sender = await App.Hub(viewer).StartAsync();
        await using var own = await App.Hub(creator).StartAsync();
        await using var anonymous = await App.Hub().StartAsync();

        Task Send(HubClient client, string stream, string gift, int count, string? key = null) =>
            client.Connection.InvokeAsync<JsonElement>("gift:send", new { streamId = stream, giftCode = gift, count, idempotencyKey = key ?? Key() }).WithTimeout();

        Assert.Equal("insufficient_funds", await HubErrors.CodeOf(() => Send(sender, streamId, "galaxy", 1)));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => Send(own, streamId, "rose", 1)));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => Send(anonymous, streamId, "rose", 1)));
        Assert.Equal("not_live", await HubErrors.CodeOf(() => Send(sender, scheduled, "rose", 1)));
        Assert.Equal("not_found", await HubErrors.CodeOf(() => Send(sender, TestIds.Stream(), "rose", 1)));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => Send(sender, streamId, "rose", 0)));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => Send(sender, streamId, "rose", 101)));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => Send(sender, streamId, "unicorn", 1)));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => Send(sender, streamId, "rose", 1, "bad key!")));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => sender.Connection.InvokeAsync<JsonElement>("gift:send", null).WithTimeout()));

        using var http = App.Http(viewer.Token);
        Assert.Equal(1000, (await http.GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task AMappedCommandGiftRunsItsOverlayForViewers()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        using (var http = App.Http(creator.Token))
        {
            using var saved = await http.PutAsJsonAsync($"/api/streams/{streamId}/command-gifts", new
            {
                mappings = new[] { new { giftCode = "coffee", action = "spotlight-message", @params = (object)new { text = "Coffee time!" } } },
                cooldowns = new Dictionary<string, int> { ["spotlight-message"] = 1 },
            }).WithTimeout();
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
        }

        await using var watcher = await App.Hub().StartAsync();
        await watcher.JoinAsync(streamId);
        var viewer = await App.SignInAsync();
        await using var sender = await App.Hub(viewer).StartAsync();
        for (var i = 0; i < 2; i++)
        {
            await sender.Connection.InvokeAsync<JsonElement>("gift:send", new { streamId, giftCode = "coffee", count = 1, idempotencyKey = Key() }).WithTimeout();
        }

        // The second waits out the 1 s cooldown on the stream's timer, then fires.
        await watcher.WaitForAsync(e => e.GetProperty("type").GetString() == "overlay:trigger" && watcher.Of("overlay:trigger", streamId).Count == 2, "two spotlight triggers");
        var triggers = watcher.Of("overlay:trigger", streamId);
        Assert.All(triggers, t => Assert.Equal("Coffee time!", t.GetProperty("params").GetProperty("text").GetString()));
        Assert.All(triggers, t => Assert.Equal(viewer.Handle, t.GetProperty("by").GetProperty("handle").GetString()));
    }
}
