using System.Text.Json;
using LiveStreamX.Testing;
using StackExchange.Redis;

namespace LiveStreamX.Api.Tests.Fuzz;

/// <summary>
/// A real Api node on Kestrel with its storage in a real redis-server, and a small world to attack: a live stream
/// with an overlay and command gifts, a viewer who sent a gift, and the admin who can read the ledger.
/// </summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _keys = null!;

    internal LiveStreamXApp App { get; private set; } = null!;

    internal TestUser Creator { get; private set; } = null!;

    internal TestUser Viewer { get; private set; } = null!;

    internal TestUser Admin { get; private set; } = null!;

    internal FuzzWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        App = new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Orleans:Storage"] = "Redis",
            ["LSX:Orleans:RedisConnectionString"] = _redis.ConnectionString,
        });
        _keys = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);

        Creator = await App.SignInAsync("creator");
        Viewer = await App.SignInAsync();
        Admin = App.Admin();
        var streamId = await App.CreateStreamAsync(Creator, title: "Fuzz target");
        World = new FuzzWorld(streamId, Viewer.Id);

        using var creator = App.Http(Creator.Token);
        (await creator.PutAsJsonAsync($"/api/streams/{streamId}/overlay", new
        {
            videoFilter = "noir",
            widgets = new[] { new { id = "b1", kind = "banner", x = 1, y = 1, width = 50, height = 10, text = "Welcome" } },
        }).WithTimeout()).EnsureSuccessStatusCode();
        (await creator.PutAsJsonAsync($"/api/streams/{streamId}/command-gifts", new
        {
            mappings = new[] { new { giftCode = "rose", action = "confetti", @params = new { intensity = 2 } } },
        }).WithTimeout()).EnsureSuccessStatusCode();
        using var viewer = App.Http(Viewer.Token);
        (await viewer.PostAsJsonAsync($"/api/streams/{streamId}/gifts", new { giftCode = "rose", count = 1, idempotencyKey = "k_fuzz_setup" }).WithTimeout())
            .EnsureSuccessStatusCode();

        // Connecting subscribes a user to their own events once (pub-sub state): done here, it is not the fuzz's doing.
        foreach (var user in new[] { Creator, Viewer })
        {
            await using var hub = await RawHubClient.ConnectAsync(App.BaseAddress, user.Token);
        }

        // The gift's figures (XP, boards) are written behind, within a second or so: the world is ready when the
        // stored keys have stopped changing for a few seconds.
        var keys = StorageKeys();
        var since = DateTimeOffset.UtcNow;
        await Timeouts.Eventually(() =>
        {
            var now = StorageKeys();
            if (now != keys)
            {
                (keys, since) = (now, DateTimeOffset.UtcNow);
            }

            return Task.FromResult(DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(3));
        }, "storage is quiet after the set-up");
    }

    private string StorageKeys()
    {
        var server = _keys.GetServer(_keys.GetEndPoints()[0]);
        return string.Join("\n", server.Keys(pattern: "*").Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// What must not change while only malformed input arrives: the stream, its overlay and commands, both wallets,
    /// the ledger's verification, the stream list and the set of keys in storage.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, string>> StateAsync()
    {
        var id = World.StreamId;
        var state = new Dictionary<string, string>();
        using var anonymous = App.Http();
        using var creator = App.Http(Creator.Token);
        using var viewer = App.Http(Viewer.Token);
        using var admin = App.Http(Admin.Token);
        // Reading the analytics hands the stream's open counts to its analytics grain, which stores them: read
        // before every snapshot, so that storing counts of earlier activity is no change of the fuzz's doing.
        (await creator.GetAsync($"/api/streams/{id}/analytics").WithTimeout()).EnsureSuccessStatusCode();
        await Timeouts.Eventually(
            () => Task.FromResult(StorageKeys().Contains($"streamanalytics/{id}/", StringComparison.Ordinal)),
            "the stream's analytics written behind");
        state["stream"] = Without(await anonymous.GetStringAsync($"/api/streams/{id}").WithTimeout(), "viewerCount");
        state["overlay"] = await anonymous.GetStringAsync($"/api/streams/{id}/overlay").WithTimeout();
        state["commands"] = await anonymous.GetStringAsync($"/api/streams/{id}/command-gifts").WithTimeout();
        state["gift stats"] = await anonymous.GetStringAsync($"/api/streams/{id}/gifts").WithTimeout();
        state["streams"] = await anonymous.GetStringAsync("/api/streams").WithTimeout();
        state["gift catalog"] = await anonymous.GetStringAsync("/api/gifts").WithTimeout();
        state["creator wallet"] = await creator.GetStringAsync("/api/me/wallet").WithTimeout();
        state["viewer wallet"] = await viewer.GetStringAsync("/api/me/wallet").WithTimeout();
        state["ledger"] = await admin.GetStringAsync("/api/admin/ledger/verify").WithTimeout();
        state["storage keys"] = StorageKeys();
        return state;
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await _keys.DisposeAsync();
        await _redis.DisposeAsync();
    }

    // Viewer counts follow connections, which the suite opens and closes; they are not input.
    private static string Without(string json, string member)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement.EnumerateObject().Where(p => p.Name != member).ToDictionary(p => p.Name, p => p.Value));
    }
}
