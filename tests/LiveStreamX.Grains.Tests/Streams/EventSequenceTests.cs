using LiveStreamX.Chat;
using LiveStreamX.Streams;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Streams;

[Collection(ClusterCollection.Name)]
public sealed class EventSequenceTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task EveryEventOfAStreamGetsTheNextSeqAndIsPushedToItsNodes()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        var probe = await EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());

        await stream.MoveToAsync(creator, StreamStatus.Live);
        for (var i = 0; i < 10; i++)
        {
            await stream.PostChatAsync(creator, $"m{i}");
        }

        await stream.MoveToAsync(creator, StreamStatus.Ended);
        var ended = await probe.WaitAsync(e => e is StreamStateChanged { Status: StreamStatus.Ended });
        await probe.WaitThroughAsync(ended.Seq);
        var received = probe.All;

        // Going live also commits the first spin-wheel round (wheel:commit).
        Assert.Equal(Enumerable.Range(1, 13).Select(i => (long)i), received.Select(e => e.Seq));
        Assert.IsType<StreamStateChanged>(received[0]);
        Assert.IsType<LiveStreamX.Gifts.WheelCommitted>(received[1]);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"], received.OfType<ChatMessageEvent>().Select(m => m.Text));
        Assert.Equal(StreamStatus.Ended, Assert.IsType<StreamStateChanged>(received[^1]).Status);
    }

    [Fact]
    public async Task AJoinWithSinceSeqReplaysExactlyTheMissedEventsInOrder()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        for (var i = 0; i < 20; i++)
        {
            await stream.PostChatAsync(creator, $"m{i}");
        }

        var first = await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout();
        Assert.Empty(first.Replay);
        Assert.False(first.GapTooOld);

        var since = first.Seq - 5;
        var again = await stream.JoinAsync(new ViewerJoin("n", 0, since)).WithTimeout();
        Assert.False(again.GapTooOld);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => since + i), again.Replay.Select(e => e.Seq));
        Assert.Equal(["m15", "m16", "m17", "m18", "m19"], again.Replay.Cast<ChatMessageEvent>().Select(m => m.Text));

        var upToDate = await stream.JoinAsync(new ViewerJoin("n", 0, first.Seq)).WithTimeout();
        Assert.Empty(upToDate.Replay);
        Assert.False(upToDate.GapTooOld);
    }

    [Fact]
    public async Task AGapOlderThanTheBufferIsSaidToBeTooOld()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        for (var i = 0; i < 520; i++)
        {
            await stream.PostChatAsync(creator, $"m{i}");
        }

        var snapshot = await stream.JoinAsync(new ViewerJoin("n", 0, 1)).WithTimeout();
        Assert.True(snapshot.GapTooOld);
        Assert.Empty(snapshot.Replay);

        var oldestKept = await stream.JoinAsync(new ViewerJoin("n", 0, snapshot.Seq - 512)).WithTimeout();
        Assert.False(oldestKept.GapTooOld);
        Assert.Equal(512, oldestKept.Replay.Count);
    }

    [Fact]
    public async Task ASeqFromTheFutureIsSaidToBeTooOld()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var snapshot = await stream.JoinAsync(new ViewerJoin("n", 0, 1_000_000)).WithTimeout();
        Assert.True(snapshot.GapTooOld);
    }

    [Fact]
    public async Task ACleanDeactivationKeepsTheSeqAndTheReplayBuffer()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        for (var i = 0; i < 5; i++)
        {
            await stream.PostChatAsync(creator, $"m{i}");
        }

        var before = await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout();
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();

        var after = await stream.JoinAsync(new ViewerJoin("n", 0, before.Seq - 3)).WithTimeout();
        Assert.Equal(before.Seq, after.Seq);
        Assert.False(after.GapTooOld);
        Assert.Equal(3, after.Replay.Count);

        var next = await stream.PostChatAsync(creator, "after");
        Assert.Equal(before.Seq + 1, next.Seq);
    }
}
