using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Discovery;

[Collection(AppCollection.Name)]
public sealed class RecommendationsApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AnAnonymousViewerGetsTrendingLiveStreamsWithReasons()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await DiscoveryStreams.LiveAsync(App, creator, DiscoveryStreams.Category());

        JsonElement list = default;
        await Timeouts.Eventually(
            async () => DiscoveryStreams.Ids(list = await App.Http().GetFromJsonAsync<JsonElement>("/api/recommendations?limit=50")).Contains(streamId),
            "the new live stream is recommended");
        Assert.True(list.GetProperty("coldStart").GetBoolean());
        Assert.All(list.GetProperty("items").EnumerateArray(), item => Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray()));
        Assert.True(list.GetProperty("items").GetArrayLength() <= 50);
    }

    [Fact]
    public async Task AStreamThatEndedIsNeverRecommended()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await DiscoveryStreams.LiveAsync(App, creator, DiscoveryStreams.Category());
        await Timeouts.Eventually(
            async () => DiscoveryStreams.Ids(await App.Http().GetFromJsonAsync<JsonElement>("/api/recommendations?limit=50")).Contains(streamId),
            "the live stream is recommended");
        (await App.Http(creator.Token).PostAsync($"/api/streams/{streamId}/end", null).WithTimeout()).EnsureSuccessStatusCode();
        await Timeouts.Eventually(
            async () => !DiscoveryStreams.Ids(await App.Http().GetFromJsonAsync<JsonElement>("/api/recommendations?limit=50")).Contains(streamId),
            "the ended stream is gone");
    }

    [Fact]
    public async Task SimilarStreamsShareTheCategoryAndNeverTheStreamItself()
    {
        var category = DiscoveryStreams.Category();
        var first = await DiscoveryStreams.LiveAsync(App, await App.SignInAsync("creator"), category, "Chess openings", ["chess"]);
        var second = await DiscoveryStreams.LiveAsync(App, await App.SignInAsync("creator"), category, "Chess endgames", ["chess"]);

        JsonElement similar = default;
        await Timeouts.Eventually(
            async () => DiscoveryStreams.Ids(similar = await App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{first}/similar?limit=50")).Contains(second),
            "the stream of the same category is similar");
        Assert.DoesNotContain(first, DiscoveryStreams.Ids(similar));
    }

    [Theory]
    [InlineData("/api/recommendations?limit=0")]
    [InlineData("/api/recommendations?limit=51")]
    [InlineData("/api/recommendations?limit=-3")]
    [InlineData("/api/streams/s_0123456789abcdef0123456789abcdef/similar?limit=0")]
    public async Task ALimitOutOfRangeIsInvalidInput(string url)
    {
        using var response = await App.Http().GetAsync(url).WithTimeout();
        await DiscoveryStreams.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task ALimitThatIsNoNumberIsABadRequestWithACode()
    {
        using var response = await App.Http().GetAsync("/api/recommendations?limit=many").WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("/api/streams/s_0123456789abcdef0123456789abcdef/similar")]
    [InlineData("/api/streams/not-a-stream/similar")]
    public async Task SimilarToAnUnknownStreamIsNotFound(string url)
    {
        using var response = await App.Http().GetAsync(url).WithTimeout();
        await DiscoveryStreams.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
