using LiveStreamX.Chat;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Streams;

/// <summary>How a stream grain pushes its events to the Api nodes' observers, held on the nodes' leases.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeObserverTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AReportAnswersTheSeqWherePushesToTheNodeStart()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        await stream.PostChatAsync(creator, "before");
        var probe = await EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
        var start = await probe.RenewAsync().WithTimeout();

        var after = await stream.PostChatAsync(creator, "after");

        Assert.Equal(start + 1, after.Seq);
        await probe.WaitAsync(e => e.Seq == after.Seq);
        Assert.DoesNotContain(probe.All, e => e is ChatMessageEvent { Text: "before" });
    }

    [Fact]
    public async Task AStreamGrainThatMovesPushesToItsNodesBeforeTheyReportAgain()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var probe = await EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
        await stream.PostChatAsync(creator, "first");
        await probe.WaitAsync(e => e is ChatMessageEvent { Text: "first" });

        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        var next = await stream.PostChatAsync(creator, "after the move");

        await probe.WaitAsync(e => e is ChatMessageEvent { Text: "after the move" } && e.Seq == next.Seq);
    }

    [Fact]
    public async Task ANodeThatLeftOrWhoseLeaseLapsedGetsNoMorePushes()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var streamId = stream.GetPrimaryKeyString();
        var left = await EventProbe.SubscribeAsync(fixture.Client, streamId);
        var lapsed = await EventProbe.SubscribeAsync(fixture.Client, streamId);
        await left.LeaveAsync().WithTimeout();

        fixture.Clock.Advance(TimeSpan.FromSeconds(46));
        var alive = await EventProbe.SubscribeAsync(fixture.Client, streamId);
        var first = await stream.PostChatAsync(creator, "one");
        var second = await stream.PostChatAsync(creator, "two");
        await alive.WaitAsync(e => e.Seq == second.Seq);
        await lapsed.RenewAsync().WithTimeout();
        var third = await stream.PostChatAsync(creator, "three");
        await lapsed.WaitAsync(e => e.Seq == third.Seq);

        Assert.Empty(left.All);
        Assert.DoesNotContain(lapsed.All, e => e.Seq == first.Seq || e.Seq == second.Seq);
    }

    [Fact]
    public async Task ANodeThatSawAGapGetsTheMissingEventsFromTheReplayBuffer()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var sent = new List<ChatMessageEvent>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await stream.PostChatAsync(creator, $"m{i}"));
        }

        var replay = await stream.ReplayAsync(sent[1].Seq).WithTimeout();
        Assert.False(replay.GapTooOld);
        Assert.Equal(sent[^1].Seq, replay.Seq);
        Assert.Equal(["m2", "m3", "m4"], replay.Events.Cast<ChatMessageEvent>().Select(m => m.Text));

        var tooOld = await stream.ReplayAsync(sent[^1].Seq + 10).WithTimeout();
        Assert.True(tooOld.GapTooOld);
        Assert.Empty(tooOld.Events);
    }
}
