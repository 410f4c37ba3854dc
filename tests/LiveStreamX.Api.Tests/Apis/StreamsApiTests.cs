using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Apis;

[Collection(AppCollection.Name)]
public sealed class StreamsApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ACreatorCreatesAScheduledStream()
    {
        var creator = await App.SignInAsync("creator");
        using var http = App.Http(creator.Token);
        using var response = await http.PostAsJsonAsync("/api/streams", new { title = "  My first stream  ", category = "coding" }).WithTimeout();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stream = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = stream.GetProperty("id").GetString()!;
        Assert.Equal($"/api/streams/{id}", response.Headers.Location?.ToString());
        Assert.Equal("My first stream", stream.GetProperty("title").GetString());
        Assert.Equal("scheduled", stream.GetProperty("status").GetString());
        Assert.Equal(creator.Id, stream.GetProperty("creatorId").GetString());
        Assert.Equal(creator.Handle, stream.GetProperty("creatorHandle").GetString());

        var fetched = await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{id}").WithTimeout();
        Assert.Equal(id, fetched.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ViewersAndAnonymousCallersCannotCreateStreams()
    {
        var viewer = await App.SignInAsync("viewer");
        using var asViewer = App.Http(viewer.Token);
        using var forbidden = await asViewer.PostAsJsonAsync("/api/streams", new { title = "x", category = "y" }).WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var anonymous = App.Http();
        using var unauthorized = await anonymous.PostAsJsonAsync("/api/streams", new { title = "x", category = "y" }).WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Theory]
    [InlineData("", "coding", "title")]
    [InlineData(null, "coding", "title")]
    [InlineData("ok", "no<html>", "category")]
    [InlineData("ok", null, "category")]
    public async Task ABadStreamIsAValidationProblemNamingTheField(string? title, string? category, string field)
    {
        var creator = await App.SignInAsync("creator");
        using var http = App.Http(creator.Token);
        using var response = await http.PostAsJsonAsync("/api/streams", new { title, category }).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("invalid_input", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheCreatorMovesTheStreamThroughItsLifecycle()
    {
        var creator = await App.SignInAsync("creator");
        var id = await App.CreateStreamAsync(creator, live: false);
        using var http = App.Http(creator.Token);

        foreach (var (action, status) in new[] { ("start", "live"), ("end", "ended"), ("archive", "archived") })
        {
            using var response = await http.PostAsync($"/api/streams/{id}/{action}", null).WithTimeout();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task AnIllegalMoveIsAConflictWithItsCode()
    {
        var creator = await App.SignInAsync("creator");
        var id = await App.CreateStreamAsync(creator, live: false);
        using var http = App.Http(creator.Token);
        using var response = await http.PostAsync($"/api/streams/{id}/archive", null).WithTimeout();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_transition", problem.GetProperty("code").GetString());
        Assert.Equal("https://livestreamx.dev/errors/invalid_transition", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnotherCreatorCannotMoveTheStreamButAnAdminCan()
    {
        var owner = await App.SignInAsync("creator");
        var other = await App.SignInAsync("creator");
        var id = await App.CreateStreamAsync(owner, live: false);

        using var asOther = App.Http(other.Token);
        using var forbidden = await asOther.PostAsync($"/api/streams/{id}/start", null).WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var asAdmin = App.Http(App.Admin().Token);
        using var allowed = await asAdmin.PostAsync($"/api/streams/{id}/start", null).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task MovesNeedASignIn()
    {
        var owner = await App.SignInAsync("creator");
        var id = await App.CreateStreamAsync(owner, live: false);
        using var http = App.Http();
        using var response = await http.PostAsync($"/api/streams/{id}/start", null).WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownStreamIsNotFound()
    {
        var creator = await App.SignInAsync("creator");
        using var http = App.Http(creator.Token);
        using var get = await http.GetAsync($"/api/streams/{TestIds.Stream()}").WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);

        using var start = await http.PostAsync($"/api/streams/{TestIds.Stream()}/start", null).WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);

        using var malformed = await http.GetAsync("/api/streams/not%20an%20id").WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task TheListFiltersByStatus()
    {
        var creator = await App.SignInAsync("creator");
        var live = await App.CreateStreamAsync(creator, live: true);
        var scheduled = await App.CreateStreamAsync(creator, live: false);

        var liveList = await App.Http().GetFromJsonAsync<JsonElement>("/api/streams?status=live").WithTimeout();
        var liveIds = liveList.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(live, liveIds);
        Assert.DoesNotContain(scheduled, liveIds);
        Assert.All(liveList.EnumerateArray(), s => Assert.Equal("live", s.GetProperty("status").GetString()));

        var all = await App.Http().GetFromJsonAsync<JsonElement>("/api/streams").WithTimeout();
        Assert.Contains(scheduled, all.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("paused")]
    [InlineData("1")]
    public async Task AnUnknownStatusFilterIsAValidationProblem(string status)
    {
        using var response = await App.Http().GetAsync($"/api/streams?status={status}").WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task SlowModeIsSetByTheCreatorAndValidated()
    {
        var creator = await App.SignInAsync("creator");
        var id = await App.CreateStreamAsync(creator);
        using var http = App.Http(creator.Token);

        using var ok = await http.PutAsJsonAsync($"/api/streams/{id}/slow-mode", new { seconds = 15 }).WithTimeout();
        Assert.Equal(15, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slowModeSeconds").GetInt32());

        using var tooLong = await http.PutAsJsonAsync($"/api/streams/{id}/slow-mode", new { seconds = 99999 }).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        using var missing = await http.PutAsJsonAsync($"/api/streams/{id}/slow-mode", new { }).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var viewer = await App.SignInAsync("viewer");
        using var asViewer = App.Http(viewer.Token);
        using var forbidden = await asViewer.PutAsJsonAsync($"/api/streams/{id}/slow-mode", new { seconds = 1 }).WithTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
