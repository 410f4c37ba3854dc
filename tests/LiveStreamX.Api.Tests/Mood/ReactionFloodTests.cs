using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Mood;

/// <summary>Reactions through the real Api node path: hub → node pre-aggregation → mood grain.</summary>
public sealed class ReactionFloodTests : IDisposable
{
    private static readonly string[] Moods = ["hype", "love", "laugh", "wow", "sad", "angry"];
    private readonly LiveStreamXApp _app = new(new Dictionary<string, string?> { ["LSX:Reactions:PerUserPerSecond"] = "1000000" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AHundredThousandReactionMessagesAreCountedExactlyAndMoodStateKeepsItsCadence()
    {
        var creator = await _app.SignInAsync("creator");
        var streamId = await _app.CreateStreamAsync(creator);
        await using var watcher = await _app.Hub().StartAsync();
        await watcher.JoinAsync(streamId);

        const int clients = 10;
        const int each = 10_000;
        var senders = new List<HubClient>();
        for (var i = 0; i < clients; i++)
        {
            senders.Add(await _app.Hub(await _app.SignInAsync()).StartAsync());
        }

        var expected = new long[Moods.Length];
        await Task.WhenAll(senders.Select((client, c) => Task.Run(async () =>
        {
            for (var n = 0; n < each; n++)
            {
                // Fire and forget, as a browser does: no round trip per reaction; some carry taps added up.
                await client.Connection.SendAsync("mood:react", new { streamId, mood = Moods[(c + n) % Moods.Length], count = Taps(n) });
            }
        }))).WaitAsync(TimeSpan.FromMinutes(2));
        for (var c = 0; c < clients; c++)
        {
            for (var n = 0; n < each; n++)
            {
                expected[(c + n) % Moods.Length] += Taps(n);
            }
        }

        JsonElement mood = default;
        await Timeouts.Eventually(
            async () => (mood = await _app.Http().GetFromJsonAsync<JsonElement>($"/api/streams/{streamId}/mood")).GetProperty("totals").EnumerateObject().Sum(p => p.Value.GetInt64()) >= expected.Sum(),
            "every reaction is counted",
            TimeSpan.FromMinutes(1));
        foreach (var (name, i) in Moods.Select((m, i) => (m, i)))
        {
            Assert.Equal(expected[i], mood.GetProperty("totals").GetProperty(name).GetInt64());
        }

        // mood:state goes out at most every 250 ms: the server's own timestamps are at least that far apart.
        var states = watcher.Of("mood:state", streamId);
        Assert.NotEmpty(states);
        var times = states.Select(s => s.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(240), $"{pair.First:O} → {pair.Second:O}"));

        foreach (var sender in senders)
        {
            await sender.DisposeAsync();
        }
    }

    private static int Taps(int n) => (n % 3) + 1;
}
