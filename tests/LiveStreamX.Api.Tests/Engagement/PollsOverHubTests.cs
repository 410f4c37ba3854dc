using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Engagement;

[Collection(AppCollection.Name)]
public sealed class PollsOverHubTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task TheCreatorOpensAPollViewersVoteAndEveryoneSeesTheTally()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var studio = await App.Hub(creator).StartAsync();
        await studio.JoinAsync(streamId);
        var poll = await studio.Connection.InvokeAsync<JsonElement>("poll:create", new { streamId, question = "Best snack?", options = new[] { "Chips", "Fruit" }, durationSeconds = 60 }).WithTimeout();
        var pollId = poll.GetProperty("pollId").GetString();
        await studio.WaitForAsync("poll:create", streamId);

        var viewer = await App.SignInAsync();
        await using var voter = await App.Hub(viewer).StartAsync();
        var joined = await voter.JoinAsync(streamId);
        Assert.Equal(pollId, joined.GetProperty("poll").GetProperty("pollId").GetString());

        var voted = await voter.Connection.InvokeAsync<JsonElement>("poll:vote", new { streamId, pollId, option = 1 }).WithTimeout();
        Assert.Equal(1, voted.GetProperty("tallies")[1].GetInt32());
        Assert.Equal("conflict", await HubErrors.CodeOf(() => voter.Connection.InvokeAsync<JsonElement>("poll:vote", new { streamId, pollId, option = 0 }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("poll:vote", new { streamId, pollId, option = 7 }).WithTimeout()));

        var update = await studio.WaitForAsync("poll:update", streamId, e => e.GetProperty("poll").GetProperty("totalVotes").GetInt32() == 1);
        Assert.Equal(1, update.GetProperty("poll").GetProperty("tallies")[1].GetInt32());

        Assert.Equal("forbidden", await HubErrors.CodeOf(() => voter.Connection.InvokeAsync<JsonElement>("poll:close", new { streamId, pollId }).WithTimeout()));
        await studio.Connection.InvokeAsync<JsonElement>("poll:close", new { streamId, pollId }).WithTimeout();
        var closed = await voter.WaitForAsync("poll:closed", streamId);
        Assert.Equal(1, closed.GetProperty("poll").GetProperty("winners")[0].GetInt32());

        var fetched = await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/poll").WithTimeout();
        Assert.True(fetched.GetProperty("closed").GetBoolean());
    }

    [Fact]
    public async Task PollAndReactionInputIsValidated()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var studio = await App.Hub(creator).StartAsync();
        await using var anonymous = await App.Hub().StartAsync();

        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("poll:create", new { streamId, question = "", options = new[] { "a" }, durationSeconds = 5 }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("poll:create", null).WithTimeout()));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => anonymous.Connection.InvokeAsync<JsonElement>("poll:create", new { streamId, question = "Q", options = new[] { "a", "b" }, durationSeconds = 30 }).WithTimeout()));
        Assert.Equal("not_found", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("poll:vote", new { streamId, pollId = "p_nope", option = 0 }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("mood:react", new { streamId, mood = "bored" }).WithTimeout()));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => anonymous.Connection.InvokeAsync<JsonElement>("mood:react", new { streamId, mood = "hype" }).WithTimeout()));
        foreach (var count in new[] { 0, -1, 11 })
        {
            Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("mood:react", new { streamId, mood = "hype", count }).WithTimeout()));
        }

        using var missing = await App.Http().GetAsync($"/api/streams/{streamId}/poll").WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ReactionsOverTheLimitAreDroppedNotErrors()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();

        var accepted = 0;
        for (var i = 0; i < 100; i++)
        {
            var ack = await client.Connection.InvokeAsync<JsonElement>("mood:react", new { streamId, mood = "wow" }).WithTimeout();
            accepted += ack.GetProperty("accepted").GetBoolean() ? 1 : 0;
        }

        // 10 a second: a burst of 100 gets the first 10, plus at most a refill or two while it runs.
        Assert.InRange(accepted, 10, 40);
        await Timeouts.Eventually(
            async () => (await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/mood")).GetProperty("totals").GetProperty("wow").GetInt64() == accepted,
            "the accepted reactions are counted");
    }

    [Fact]
    public async Task TapsAddedUpByTheClientCountAsThatManyReactionsAndAgainstTheLimit()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();

        var accepted = 0;
        for (var i = 0; i < 30; i++)
        {
            var ack = await client.Connection.InvokeAsync<JsonElement>("mood:react", new { streamId, mood = "love", count = 5 }).WithTimeout();
            accepted += ack.GetProperty("accepted").GetBoolean() ? 1 : 0;
        }

        // 10 taps a second: a burst of 30 messages of 5 gets the first 2, plus 2 for each refill while it runs; a
        // limit that counted messages instead of taps would let 10 or more through.
        Assert.InRange(accepted, 2, 8);
        await Timeouts.Eventually(
            async () => (await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/mood")).GetProperty("totals").GetProperty("love").GetInt64() == 5 * accepted,
            "each accepted message counts its 5 taps");
    }

    [Fact]
    public async Task TheCreatorTurnsTheMoodThemeOff()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        using var asViewer = App.Http(viewer.Token);
        using var forbidden = await asViewer.PutAsJsonAsync($"/api/streams/{streamId}/mood-theme", new { enabled = false }).WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var asCreator = App.Http(creator.Token);
        using var bad = await asCreator.PutAsJsonAsync($"/api/streams/{streamId}/mood-theme", new { }).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var ok = await asCreator.PutAsJsonAsync($"/api/streams/{streamId}/mood-theme", new { enabled = false }).WithTimeout();
        Assert.False((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("themeEnabled").GetBoolean());
    }
}
