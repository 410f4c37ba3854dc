using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Engagement;

[Collection(AppCollection.Name)]
public sealed class ProgressionOverHubTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AGiftBringsLevelUpAndBadgeToTheUserAFlairInChatAndALiveBoard()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var watcher = await App.Hub().StartAsync();
        await watcher.JoinAsync(streamId);

        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        var levelUp = new TaskCompletionSource<JsonElement>();
        var badge = new TaskCompletionSource<JsonElement>();
        client.Connection.On<JsonElement>("level:up", e => levelUp.TrySetResult(e));
        client.Connection.On<JsonElement>("badge:earned", e => badge.TrySetResult(e));
        await client.JoinAsync(streamId);

        using (var admin = App.Http(App.Admin().Token))
        {
            (await admin.PostAsJsonAsync($"/api/admin/wallets/{viewer.Id}/grant", new { amount = 10_000, reason = "test", idempotencyKey = "k_" + Guid.NewGuid().ToString("N") })).EnsureSuccessStatusCode();
        }

        await client.Connection.InvokeAsync<JsonElement>("gift:send", new { streamId, giftCode = "galaxy", count = 1, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();

        var level = await levelUp.Task.WithTimeout();
        Assert.Equal(14, level.GetProperty("level").GetInt32());
        Assert.Equal(viewer.Id, level.GetProperty("userId").GetString());
        Assert.Equal("first-gift", (await badge.Task.WithTimeout()).GetProperty("badge").GetString());

        // Passing level 10 is a milestone: a system line in the stream's chat.
        var system = await watcher.WaitForAsync("chat:message", streamId, e => e.GetProperty("role").GetString() == "system");
        Assert.Contains(viewer.Handle, system.GetProperty("text").GetString(), StringComparison.Ordinal);

        var board = await watcher.WaitForAsync("leaderboard:update", streamId);
        Assert.Equal(viewer.Id, board.GetProperty("entries")[0].GetProperty("userId").GetString());
        Assert.Equal(5000, board.GetProperty("entries")[0].GetProperty("score").GetInt64());

        var line = await client.ChatAsync(streamId, "look at my badge");
        Assert.Equal(14, line.GetProperty("level").GetInt32());
        Assert.Contains("first-gift", line.GetProperty("badges").EnumerateArray().Select(b => b.GetString()));

        var heartbeat = await client.Connection.InvokeAsync<JsonElement>("watch:heartbeat", new { streamId, visible = true }).WithTimeout();
        Assert.Equal(10, heartbeat.GetProperty("xpGained").GetInt64());
        var hidden = await client.Connection.InvokeAsync<JsonElement?>("watch:heartbeat", new { streamId, visible = false }).WithTimeout();
        Assert.True(hidden is null || hidden.Value.ValueKind == JsonValueKind.Null);

        using var http = App.Http(viewer.Token);
        var progress = await http.GetFromJsonAsync<JsonElement>("/api/me/progress").WithTimeout();
        Assert.Equal(14, progress.GetProperty("level").GetInt32());
        var profile = await App.Http().GetFromJsonAsync<JsonElement>($"/api/users/{viewer.Id}/progress").WithTimeout();
        Assert.Equal(viewer.Handle, profile.GetProperty("handle").GetString());
    }
}
