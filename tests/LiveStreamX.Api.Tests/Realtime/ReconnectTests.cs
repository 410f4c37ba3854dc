using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Realtime;

[Collection(AppCollection.Name)]
public sealed class ReconnectTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ARejoinWithSinceSeqReplaysExactlyTheMissedMessages()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var sender = await App.Hub(creator).StartAsync();

        long lastSeen;
        await using (var viewer = await App.Hub().StartAsync())
        {
            await viewer.JoinAsync(streamId);
            await sender.ChatAsync(streamId, "seen 1");
            await sender.ChatAsync(streamId, "seen 2");
            var last = await viewer.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "seen 2");
            lastSeen = last.GetProperty("seq").GetInt64();
        }

        for (var i = 1; i <= 3; i++)
        {
            await sender.ChatAsync(streamId, $"missed {i}");
        }

        await using var again = await App.Hub().StartAsync();
        var joined = await again.JoinAsync(streamId, lastSeen);

        Assert.False(joined.GetProperty("gapTooOld").GetBoolean());
        var replay = joined.GetProperty("replay").EnumerateArray().ToList();
        var snapshotSeq = joined.GetProperty("seq").GetInt64();
        Assert.Equal(Enumerable.Range(1, (int)(snapshotSeq - lastSeen)).Select(i => lastSeen + i), replay.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal(
            ["missed 1", "missed 2", "missed 3"],
            replay.Where(e => e.GetProperty("type").GetString() == "chat:message").Select(e => e.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task ARejoinFromTooFarBackIsToldTheGapIsTooOld()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var viewer = await App.Hub().StartAsync();

        var joined = await viewer.JoinAsync(streamId, 999_999);

        Assert.True(joined.GetProperty("gapTooOld").GetBoolean());
        Assert.Empty(joined.GetProperty("replay").EnumerateArray());
    }
}
