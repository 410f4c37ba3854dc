using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hosting;

/// <summary>The Api configured for Redis (storage and clustering) against a real redis-server.</summary>
public sealed class RedisModeTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task StreamsAndChatSurviveAFullRestartOfTheNode()
    {
        var settings = _redis.ApiNodeSettings("redis-mode-signing-key-" + Guid.NewGuid().ToString("N"));

        string streamId;
        TestUser creator;
        using (var app = new LiveStreamXApp(settings))
        {
            creator = await app.SignInAsync("creator");
            streamId = await app.CreateStreamAsync(creator, title: "Survivor");
            await using var hub = await app.Hub(creator).StartAsync();
            await hub.ChatAsync(streamId, "written to redis");
        }

        settings["LSX:Orleans:SiloPort"] = FreePort.Next().ToString();
        settings["LSX:Orleans:GatewayPort"] = FreePort.Next().ToString();
        using (var app = new LiveStreamXApp(settings))
        {
            var stream = await app.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}").WithTimeout();
            Assert.Equal("Survivor", stream.GetProperty("title").GetString());
            Assert.Equal("live", stream.GetProperty("status").GetString());

            await using var hub = await app.Hub().StartAsync();
            var joined = await hub.JoinAsync(streamId);
            Assert.Equal("written to redis", joined.GetProperty("chat")[0].GetProperty("text").GetString());

            // The same signing key and the same handle: the same user, with the stream still theirs.
            var again = await app.SignInAsync("creator", creator.Handle);
            Assert.Equal(creator.Id, again.Id);
            using var http = app.Http(again.Token);
            (await http.PostAsync($"/api/streams/{streamId}/end", null).WithTimeout()).EnsureSuccessStatusCode();
        }
    }
}
