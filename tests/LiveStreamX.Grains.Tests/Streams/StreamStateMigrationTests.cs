using LiveStreamX.Chat;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Streams;
using LiveStreamX.Streams;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Streams;

/// <summary>
/// A stream stored by an earlier version, with every feature in its one state, moves each feature into its own
/// state on its next activation, and keeps them through later activations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamStateMigrationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AStreamStoredWithEveryFeatureInOneStateMovesThemIntoTheirOwnStates()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var id = stream.GetPrimaryKeyString();
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();

        var now = fixture.Clock.GetUtcNow();
        var overlay = OverlayLayout.Default with { Theme = new ThemeSettings("neon", "#ff00aa", null), VideoFilter = "warm" };
        var commands = new CommandGiftConfig([new CommandMapping("party", "confetti", "{}")], new Dictionary<string, int> { ["confetti"] = 5 });
        var poll = new Poll("p_old", "Tea or coffee?", ["tea", "coffee"], [3, 4], 7, now, now.AddMinutes(1), Closed: true, Winners: [1]);
        var challenge = new Challenge("ch_old", ChallengeKind.ChatMessages, 10, 10, now, now.AddMinutes(1), ChallengeStatus.Completed, null, null);
        var moment = new Moment($"{id}.1", id, now, MomentKind.Manual, 1, "wow", 5);
        var line = new ChatMessageEvent
        {
            StreamId = id, Seq = 3, At = now, Id = "m_old", UserId = creator.UserId, Handle = creator.Handle, Role = creator.Role,
            Text = "from before the split",
        };
        await fixture.ChangeStoredAsync<StreamState>("stream", stream.GetGrainId(), s => s with
        {
            Layout = 0,
            Chat = [line],
            Overlay = overlay,
            Commands = commands,
            Wheel = new WheelRound(4, "seed", "hash-of-seed"),
            Poll = poll,
            Challenge = challenge,
            Moments = [moment],
            MomentCount = 1,
        });

        await AssertFeaturesAsync();
        var stored = await fixture.ReadStoredAsync<StreamState>("stream", stream.GetGrainId());
        Assert.Equal(StreamState.CurrentLayout, stored.Layout);
        Assert.Empty(stored.Chat);
        Assert.Empty(stored.Moments);
        Assert.Null(stored.Poll);
        Assert.Null(stored.Wheel);
        Assert.Empty(stored.Commands.Mappings);
        Assert.Equal("default", stored.Overlay.Theme.Preset);
        Assert.Equal(StreamStatus.Live, stored.Info!.Status);
        Assert.Equal("neon", (await fixture.ReadStoredAsync<StreamOverlayState>("stream-overlay", stream.GetGrainId())).Overlay.Theme.Preset);
        Assert.Equal("m_old", Assert.Single((await fixture.ReadStoredAsync<StreamChatState>("stream-chat", stream.GetGrainId())).Chat).Id);

        // The next activation reads the features' own states.
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        await AssertFeaturesAsync();

        // And a new moment continues the count.
        var next = await stream.MarkMomentAsync(creator, null).WithTimeout();
        Assert.Equal($"{id}.2", next.MomentId);

        async Task AssertFeaturesAsync()
        {
            Assert.Equal(overlay.Theme, (await stream.GetOverlayAsync().WithTimeout()).Theme);
            Assert.Equal("confetti", Assert.Single((await stream.GetCommandGiftsAsync().WithTimeout()).Mappings).Action);
            Assert.Equal(4, (await stream.GetWheelAsync().WithTimeout()).RoundId);
            Assert.Equal("ch_old", (await stream.GetChallengeAsync().WithTimeout())!.ChallengeId);
            Assert.Equal("wow", Assert.Single(await stream.GetMomentsAsync().WithTimeout()).Note);
            var snapshot = await stream.JoinAsync(new ViewerJoin("n1", 0, null)).WithTimeout();
            Assert.Equal("from before the split", Assert.Single(snapshot.Chat).Text);
            Assert.Equal("p_old", snapshot.Poll!.PollId);
            Assert.Equal("warm", snapshot.Overlay.VideoFilter);
        }
    }

    [Fact]
    public async Task TheReplayBufferSavedAtDeactivationIsNotStoredAgainAfterTheNextActivationReadsIt()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        await stream.PostChatAsync(creator, "one").WithTimeout();
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        Assert.NotEmpty((await fixture.ReadStoredAsync<StreamState>("stream", stream.GetGrainId())).Replay);

        // The activation reads it (a viewer behind gets the events), and the next write of the stream drops it.
        var rejoin = await stream.JoinAsync(new ViewerJoin("n1", 0, SinceSeq: 0)).WithTimeout();
        Assert.False(rejoin.GapTooOld);
        Assert.NotEmpty(rejoin.Replay);
        await stream.SetSlowModeAsync(creator, 3).WithTimeout();
        Assert.Empty((await fixture.ReadStoredAsync<StreamState>("stream", stream.GetGrainId())).Replay);
    }
}
