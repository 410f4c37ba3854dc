using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Moderation;

[Collection(AppCollection.Name)]
public sealed class ModerationApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task OnlyTheCreatorAppointsModeratorsWhoThenSeeTheRules()
    {
        var creator = await App.SignInAsync("creator");
        var moderator = await App.SignInAsync();
        var viewer = await App.SignInAsync();
        using var asCreator = App.Http(creator.Token);
        using var asModerator = App.Http(moderator.Token);
        using var asViewer = App.Http(viewer.Token);

        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asViewer.PutAsync($"/api/creators/{creator.Id}/moderators/{viewer.Id}", null));
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asViewer.GetAsync($"/api/creators/{creator.Id}/moderation"));
        using var appointed = await asCreator.PutAsync($"/api/creators/{creator.Id}/moderators/{moderator.Id}", null);
        appointed.EnsureSuccessStatusCode();

        var rules = await asModerator.GetFromJsonAsync<JsonElement>($"/api/creators/{creator.Id}/moderation");
        Assert.Equal([moderator.Id], rules.GetProperty("moderators").EnumerateArray().Select(m => m.GetString()));
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asModerator.PutAsync($"/api/creators/{creator.Id}/moderators/{viewer.Id}", null));

        (await asCreator.DeleteAsync($"/api/creators/{creator.Id}/moderators/{moderator.Id}")).EnsureSuccessStatusCode();
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asModerator.GetAsync($"/api/creators/{creator.Id}/moderation"));
    }

    [Fact]
    public async Task BadInputIsACodedRefusalThatChangesNothing()
    {
        var creator = await App.SignInAsync("creator");
        var viewer = await App.SignInAsync();
        using var http = App.Http(creator.Token);

        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PutAsJsonAsync($"/api/creators/{creator.Id}/timeouts/{viewer.Id}", new { reason = "no seconds" }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PutAsJsonAsync($"/api/creators/{creator.Id}/timeouts/{viewer.Id}", new { seconds = 0 }));
        await AssertProblem(HttpStatusCode.NotFound, "not_found", await http.PutAsJsonAsync($"/api/creators/{creator.Id}/bans/{TestIds.User()}", new { reason = "who" }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PutAsJsonAsync($"/api/creators/{creator.Id}/blocked-terms", new { terms = new[] { new { term = "ok", action = "explode" } } }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PutAsJsonAsync($"/api/creators/{creator.Id}/blocked-terms", new { terms = new[] { new { term = "   ", action = "drop" } } }));
        await AssertProblem(HttpStatusCode.BadRequest, "invalid_input", await http.PutAsJsonAsync($"/api/creators/{creator.Id}/bans/{creator.Id}", new { reason = "myself" }));
        await AssertProblem(HttpStatusCode.NotFound, "not_found", await http.DeleteAsync($"/api/streams/{TestIds.Stream()}/chat/m_nope"));
        await AssertProblem(HttpStatusCode.Unauthorized, "unauthorized", await App.Http().GetAsync($"/api/creators/{creator.Id}/moderation"));
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await http.PutAsJsonAsync($"/api/admin/users/{viewer.Id}/suspension", new { reason = "not an admin" }));

        var rules = await http.GetFromJsonAsync<JsonElement>($"/api/creators/{creator.Id}/moderation");
        Assert.Empty(rules.GetProperty("bans").EnumerateArray());
        Assert.Empty(rules.GetProperty("timeouts").EnumerateArray());
        Assert.Empty(rules.GetProperty("blockedTerms").EnumerateArray());
    }

    [Fact]
    public async Task AHeldMessageWaitsForReviewAndIsPostedWhenApproved()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        using var http = App.Http(creator.Token);
        (await http.PutAsJsonAsync($"/api/creators/{creator.Id}/blocked-terms", new { terms = new[] { new { term = "promo*", action = "hold" }, new { term = "idiot", action = "drop" } } })).EnsureSuccessStatusCode();
        await using var client = await App.Hub(viewer).StartAsync();
        await using var watcher = await App.Hub().StartAsync();
        await watcher.JoinAsync(streamId);

        Assert.Equal("blocked", await HubErrors.CodeOf(() => client.ChatAsync(streamId, "you 1d1ot")));
        Assert.Equal("held", await HubErrors.CodeOf(() => client.ChatAsync(streamId, "P R O M O code inside")));
        var held = await http.GetFromJsonAsync<JsonElement>($"/api/creators/{creator.Id}/held");
        var item = Assert.Single(held.EnumerateArray());
        Assert.Equal("promo*", item.GetProperty("term").GetString());

        (await http.PostAsync($"/api/creators/{creator.Id}/held/{item.GetProperty("id").GetString()}/approve", null)).EnsureSuccessStatusCode();

        await watcher.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "P R O M O code inside");
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>($"/api/creators/{creator.Id}/held")).EnumerateArray());
        Assert.DoesNotContain(watcher.Of("chat:message", streamId), m => m.GetProperty("text").GetString() == "you 1d1ot");
    }

    [Fact]
    public async Task EveryModerationActionIsInTheCreatorsLog()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        var moderator = await App.SignInAsync();
        using var http = App.Http(creator.Token);
        await using var client = await App.Hub(viewer).StartAsync();
        var message = await client.ChatAsync(streamId, "delete me");

        (await http.PutAsync($"/api/creators/{creator.Id}/moderators/{moderator.Id}", null)).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/streams/{streamId}/chat/{message.GetProperty("id").GetString()}?reason=rude")).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/creators/{creator.Id}/timeouts/{viewer.Id}", new { seconds = 60, reason = "cool off" })).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/creators/{creator.Id}/timeouts/{viewer.Id}")).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/creators/{creator.Id}/bans/{viewer.Id}", new { reason = "enough" })).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/creators/{creator.Id}/bans/{viewer.Id}")).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/creators/{creator.Id}/blocked-terms", new { terms = new[] { new { term = "meanie", action = "drop" } } })).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/creators/{creator.Id}/moderators/{moderator.Id}")).EnsureSuccessStatusCode();

        var log = await http.GetFromJsonAsync<JsonElement>($"/api/creators/{creator.Id}/moderation/log?limit=20");
        var actions = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry").GetProperty("action").GetString()).Reverse().ToList();
        Assert.Equal(["moderator-add", "chat-delete", "user-timeout", "user-timeout-lift", "user-ban", "user-unban", "blocked-terms-set", "moderator-remove"], actions);
        var ban = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry")).Single(e => e.GetProperty("action").GetString() == "user-ban");
        Assert.Equal(creator.Id, ban.GetProperty("actorId").GetString());
        Assert.Equal(viewer.Id, ban.GetProperty("targetUserId").GetString());
        Assert.Equal("enough", ban.GetProperty("reason").GetString());
        var deleted = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry")).Single(e => e.GetProperty("action").GetString() == "chat-delete");
        Assert.Equal(streamId, deleted.GetProperty("streamId").GetString());

        using var asViewer = App.Http(viewer.Token);
        await AssertProblem(HttpStatusCode.Forbidden, "forbidden", await asViewer.GetAsync($"/api/creators/{creator.Id}/moderation/log"));
    }

    internal static async Task AssertProblem(HttpStatusCode status, string code, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }
    }
}
