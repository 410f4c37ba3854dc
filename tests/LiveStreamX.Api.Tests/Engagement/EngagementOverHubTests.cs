using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Engagement;

[Collection(AppCollection.Name)]
public sealed class EngagementOverHubTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task QuestionsAndUpvotesGoOutAsQaUpdate()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var studio = await App.Hub(creator).StartAsync();
        await studio.JoinAsync(streamId);
        var viewer = await App.SignInAsync();
        await using var asker = await App.Hub(viewer).StartAsync();

        var question = await asker.Connection.InvokeAsync<JsonElement>("qa:ask", new { streamId, text = "<b>Setup?</b>" }).WithTimeout();
        var id = question.GetProperty("questionId").GetString();
        await studio.Connection.InvokeAsync<JsonElement>("qa:upvote", new { streamId, questionId = id }).WithTimeout();
        Assert.Equal("conflict", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("qa:upvote", new { streamId, questionId = id }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("qa:mark", new { streamId, questionId = id, status = "deleted" }).WithTimeout()));
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => asker.Connection.InvokeAsync<JsonElement>("qa:mark", new { streamId, questionId = id, status = "answered" }).WithTimeout()));
        await studio.Connection.InvokeAsync<JsonElement>("qa:mark", new { streamId, questionId = id, status = "answered" }).WithTimeout();

        var answered = await studio.WaitForAsync("qa:update", streamId, e => e.GetProperty("question").GetProperty("status").GetString() == "answered");
        Assert.Equal("<b>Setup?</b>", answered.GetProperty("question").GetProperty("text").GetString());
        Assert.Equal(1, answered.GetProperty("question").GetProperty("upvotes").GetInt32());
        var listed = await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/questions").WithTimeout();
        Assert.Equal(id, listed[0].GetProperty("questionId").GetString());
    }

    [Fact]
    public async Task AChatChallengeReportsProgressAndCompletes()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var studio = await App.Hub(creator).StartAsync();
        await studio.JoinAsync(streamId);

        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<JsonElement>("challenge:start", new { streamId, kind = "dance-moves", target = 3, durationSeconds = 60 }).WithTimeout()));
        var started = await studio.Connection.InvokeAsync<JsonElement>("challenge:start", new
        {
            streamId, kind = "chat-messages", target = 3, durationSeconds = 600,
            reward = new { action = "theme-flash", @params = new { color = "#123456" } },
        }).WithTimeout();
        Assert.Equal("running", started.GetProperty("status").GetString());

        for (var i = 0; i < 3; i++)
        {
            await studio.ChatAsync(streamId, $"push {i}");
        }

        var done = await studio.WaitForAsync("challenge:update", streamId, e => e.GetProperty("challenge").GetProperty("status").GetString() == "completed");
        Assert.Equal(3, done.GetProperty("challenge").GetProperty("progress").GetInt64());
        Assert.Equal("chat-messages", done.GetProperty("challenge").GetProperty("kind").GetString());
        var reward = await studio.WaitForAsync("overlay:trigger", streamId);
        Assert.Equal("theme-flash", reward.GetProperty("action").GetString());
    }

    [Fact]
    public async Task AMarkedMomentHasAShareablePageWithPreviewTags()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator, title: "Finals <night> & more");
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        await client.JoinAsync(streamId);
        var moment = await client.Connection.InvokeAsync<JsonElement>("moment:mark", new { streamId, note = "clutch \"play\"" }).WithTimeout();
        await client.WaitForAsync("moment:detected", streamId);

        using var page = await App.Http().GetAsync(moment.GetProperty("sharePath").GetString()).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<meta property=\"og:title\" content=\"Finals &lt;night&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("name=\"twitter:card\"", html, StringComparison.Ordinal);
        Assert.Contains("twitter.com/intent/tweet?url=", html, StringComparison.Ordinal);
        Assert.Contains("facebook.com/sharer/sharer.php?u=", html, StringComparison.Ordinal);
        Assert.Contains("reddit.com/submit?url=", html, StringComparison.Ordinal);
        Assert.Contains($"/watch/{streamId}?moment=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<night>", html, StringComparison.Ordinal);

        using var missing = await App.Http().GetAsync($"/m/{streamId}.999").WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheOverlayIsValidatedWithFieldErrorsAndBroadcastWhenAccepted()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var watcher = await App.Hub().StartAsync();
        await watcher.JoinAsync(streamId);
        using var http = App.Http(creator.Token);

        using var bad = await http.PutAsync($"/api/streams/{streamId}/overlay", JsonContent.Create(JsonDocument.Parse("""
            { "theme": { "preset": "neon", "accent": "red" }, "widgets": [ { "id": "a", "kind": "banner", "text": "<script>x</script>", "html": "<b>", "x": 0, "y": 0, "width": 10, "height": 10 } ] }
            """).RootElement)).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("theme.accent", out _));
        Assert.True(errors.TryGetProperty("widgets[0].html", out _));

        using var ok = await http.PutAsync($"/api/streams/{streamId}/overlay", JsonContent.Create(JsonDocument.Parse("""
            { "theme": { "preset": "sunset", "accent": "#ff8800" }, "videoFilter": "warm",
              "widgets": [ { "id": "goal", "kind": "goal", "label": "Mic", "current": 1, "target": 5, "x": 1, "y": 1, "width": 20, "height": 5 } ] }
            """).RootElement)).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var update = await watcher.WaitForAsync("overlay:update", streamId);
        Assert.Equal("sunset", update.GetProperty("layout").GetProperty("theme").GetProperty("preset").GetString());
        Assert.Equal("goal", update.GetProperty("layout").GetProperty("widgets")[0].GetProperty("kind").GetString());

        var viewer = await App.SignInAsync();
        using var asViewer = App.Http(viewer.Token);
        using var forbidden = await asViewer.PutAsync($"/api/streams/{streamId}/overlay", JsonContent.Create(new { videoFilter = "none" })).WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
