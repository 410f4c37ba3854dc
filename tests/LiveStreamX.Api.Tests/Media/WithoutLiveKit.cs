using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Media;

/// <summary>A node without LiveKit: streams are chat streams, and the media endpoints say so with a code.</summary>
[Collection(AppCollection.Name)]
public sealed class WithoutLiveKit(AppFixture fixture)
{
    [Fact]
    public async Task TheConfigurationSaysThereIsNoLiveVideo()
    {
        var config = await fixture.App.Http().GetFromJsonAsync<JsonElement>("/api/media/config").WithTimeout();

        Assert.False(config.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("url").ValueKind);
    }

    [Fact]
    public async Task AMediaTokenIsRefusedAsNotConfiguredWhileTheStreamStillRuns()
    {
        var creator = await fixture.App.SignInAsync("creator");
        var stream = await fixture.App.CreateStreamAsync(creator);

        var (status, problem) = await Refusals.SendAsync(fixture.App.Http(creator.Token), HttpMethod.Post, $"/api/streams/{stream}/media-token", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("media_not_configured", problem.Code());
        var info = await fixture.App.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{stream}").WithTimeout();
        Assert.Equal("live", info.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AWebhookIsRefusedAsNotConfigured()
    {
        var (status, problem) = await Refusals.SendAsync(fixture.App.Http(), HttpMethod.Post, "/api/media/livekit/webhook", "{\"event\":\"room_finished\",\"id\":\"EV_x\"}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("media_not_configured", problem.Code());
    }

    [Theory]
    [InlineData("LSX:LiveKit:Url", "ws://127.0.0.1:7880")]
    [InlineData("LSX:LiveKit:ApiSecret", "a-secret-that-is-long-enough-for-hs256")]
    public void OneLiveKitSettingWithoutTheOthersFailsAtStartSayingWhatToSet(string key, string value)
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { [key] = value }).Dispose());

        Assert.Contains("LSX__LiveKit__ApiKey", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AShortLiveKitSecretFailsAtStart()
    {
        var settings = LiveKitPeer.Random().Settings();
        settings["LSX:LiveKit:ApiSecret"] = "secret";

        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(settings).Dispose());

        Assert.Contains("ApiSecret", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join("\n", aggregate.Flatten().InnerExceptions.Select(e => e.Message))
        : error.ToString();
}
