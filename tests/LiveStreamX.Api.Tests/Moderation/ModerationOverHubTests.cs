using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Moderation;

[Collection(AppCollection.Name)]
public sealed class ModerationOverHubTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ADeletedMessageLeavesEveryViewerAndTheSnapshotOfLateJoiners()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var troll = await App.SignInAsync();
        await using var trollClient = await App.Hub(troll).StartAsync();
        await using var watcher = await App.Hub().StartAsync();
        await using var mod = await App.Hub(creator).StartAsync();
        await watcher.JoinAsync(streamId);
        var bad = await trollClient.ChatAsync(streamId, "something nasty");
        var id = bad.GetProperty("id").GetString();

        await mod.Connection.InvokeAsync("chat:delete", new { streamId, messageId = id, reason = "nasty" }).WithTimeout();

        var deleted = await watcher.WaitForAsync("chat:delete", streamId, e => e.GetProperty("messageId").GetString() == id);
        Assert.Equal(troll.Id, deleted.GetProperty("userId").GetString());
        await using var late = await App.Hub().StartAsync();
        var joined = await late.JoinAsync(streamId);
        Assert.DoesNotContain(joined.GetProperty("chat").EnumerateArray(), m => m.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ABanMutesTheBannedUsersConnectionAndRefusesTheirNextMessage()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var moderator = await App.SignInAsync();
        var troll = await App.SignInAsync();
        using (var http = App.Http(creator.Token))
        {
            (await http.PutAsync($"/api/creators/{creator.Id}/moderators/{moderator.Id}", null).WithTimeout()).EnsureSuccessStatusCode();
        }

        await using var trollClient = await App.Hub(troll).StartAsync();
        var restricted = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        trollClient.Connection.On<JsonElement>("moderation:restricted", e => restricted.TrySetResult(e));
        await trollClient.JoinAsync(streamId);
        await trollClient.ChatAsync(streamId, "before the ban");
        await using var modClient = await App.Hub(moderator).StartAsync();

        var ban = await modClient.Connection.InvokeAsync<JsonElement>("moderation:ban", new { streamId, userId = troll.Id, reason = "spam" }).WithTimeout();

        Assert.Equal(troll.Id, ban.GetProperty("userId").GetString());
        var told = await restricted.Task.WithTimeout();
        Assert.Equal("ban", told.GetProperty("kind").GetString());
        Assert.Equal(creator.Id, told.GetProperty("creatorId").GetString());
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => trollClient.ChatAsync(streamId, "after the ban")));

        await modClient.Connection.InvokeAsync("moderation:unban", new { streamId, userId = troll.Id }).WithTimeout();
        await trollClient.ChatAsync(streamId, "after the unban");
    }

    [Fact]
    public async Task ATimeoutOverTheHubRefusesChatForItsDuration()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var viewerClient = await App.Hub(viewer).StartAsync();
        await using var creatorClient = await App.Hub(creator).StartAsync();

        var timeout = await creatorClient.Connection.InvokeAsync<JsonElement>("moderation:timeout", new { streamId, userId = viewer.Id, seconds = 600 }).WithTimeout();

        Assert.True(timeout.GetProperty("until").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(590));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => viewerClient.ChatAsync(streamId, "let me talk")));
    }

    [Fact]
    public async Task AViewerTryingModeratorActionsIsRefusedAndChangesNothing()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        var victim = await App.SignInAsync();
        await using var victimClient = await App.Hub(victim).StartAsync();
        var message = await victimClient.ChatAsync(streamId, "innocent words");
        await using var viewerClient = await App.Hub(viewer).StartAsync();
        var id = message.GetProperty("id").GetString();

        Assert.Equal("forbidden", await HubErrors.CodeOf(() => viewerClient.Connection.InvokeAsync("chat:delete", new { streamId, messageId = id }).WithTimeout()));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => viewerClient.Connection.InvokeAsync<JsonElement>("moderation:ban", new { streamId, userId = victim.Id }).WithTimeout()));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => viewerClient.Connection.InvokeAsync<JsonElement>("moderation:timeout", new { streamId, userId = victim.Id, seconds = 60 }).WithTimeout()));
        await using var anonymous = await App.Hub().StartAsync();
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => anonymous.Connection.InvokeAsync<JsonElement>("moderation:ban", new { streamId, userId = victim.Id }).WithTimeout()));

        await victimClient.ChatAsync(streamId, "still here");
        await using var late = await App.Hub().StartAsync();
        var joined = await late.JoinAsync(streamId);
        Assert.Contains(joined.GetProperty("chat").EnumerateArray(), m => m.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ModerationOfUnknownStreamsUsersOrMessagesIsACodedRefusal()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var client = await App.Hub(creator).StartAsync();

        Assert.Equal("not_found", await HubErrors.CodeOf(() => client.Connection.InvokeAsync("chat:delete", new { streamId, messageId = "m_nope" }).WithTimeout()));
        Assert.Equal("not_found", await HubErrors.CodeOf(() => client.Connection.InvokeAsync<JsonElement>("moderation:ban", new { streamId, userId = TestIds.User() }).WithTimeout()));
        Assert.Equal("not_found", await HubErrors.CodeOf(() => client.Connection.InvokeAsync<JsonElement>("moderation:ban", new { streamId = TestIds.Stream(), userId = creator.Id }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.Connection.InvokeAsync<JsonElement>("moderation:timeout", new { streamId, userId = creator.Id, seconds = "soon" }).WithTimeout()));
    }

    [Fact]
    public async Task ASuspensionClosesTheUsersConnectionsAndRefusesNewOnes()
    {
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        using var admin = App.Http(App.Admin().Token);

        using var suspended = await admin.PutAsJsonAsync($"/api/admin/users/{viewer.Id}/suspension", new { reason = "abuse" }).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await using var again = App.Hub(viewer);
        var closedAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        again.Connection.Closed += _ =>
        {
            closedAgain.TrySetResult();
            return Task.CompletedTask;
        };
        try
        {
            await again.StartAsync();
        }
        catch (Exception)
        {
            closedAgain.TrySetResult();
        }

        await closedAgain.Task.WaitAsync(TimeSpan.FromSeconds(5));
        (await admin.DeleteAsync($"/api/admin/users/{viewer.Id}/suspension").WithTimeout()).EnsureSuccessStatusCode();
    }
}
