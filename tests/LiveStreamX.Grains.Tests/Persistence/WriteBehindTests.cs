using LiveStreamX.Grains.Leaderboards;
using LiveStreamX.Grains.Progression;
using LiveStreamX.Grains.Streams;
using LiveStreamX.Leaderboards;
using LiveStreamX.Progression;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>
/// State written behind (XP, board scores, chat history) reaches storage even when a write fails: the failed write is tried again,
/// not forgotten until the next change.
/// </summary>
public sealed class WriteBehindTests : FlakyClusterTests
{
    [Fact]
    public async Task BoardScoresAreWrittenAfterAFailedWriteWithoutAnotherChange()
    {
        var shard = Grains.GetGrain<ILeaderboardShardGrain>($"{TestIds.Stream()}/0");
        Storage.FailNextWrites(shard.GetGrainId(), 2);

        await shard.AddAsync("u_1", "ada", 40);

        await Timeouts.Eventually(
            async () => (await Storage.ReadAsync<LeaderboardShardState>("board-shard", shard.GetGrainId())).Scores.GetValueOrDefault("u_1")?.Score == 40,
            "the score is written once the storage recovers");
        Assert.Equal(0, Storage.FailuresLeft(shard.GetGrainId()));
    }

    [Fact]
    public async Task XpIsWrittenAfterAFailedWriteWithoutAnotherChange()
    {
        var progression = Grains.GetGrain<IProgressionGrain>(TestIds.User());
        Storage.FailNextWrites(progression.GetGrainId(), 2);

        await progression.RecordAsync(new XpActivity(XpSource.Gift, TestIds.Stream(), 150)).WithTimeout();

        await Timeouts.Eventually(
            async () => (await Storage.ReadAsync<ProgressionState>("progression", progression.GetGrainId())).Xp == 150,
            "the XP is written once the storage recovers");
        Assert.Equal(0, Storage.FailuresLeft(progression.GetGrainId()));
    }

    [Fact]
    public async Task ChatHistoryIsWrittenBehindNotOnceForEveryMessage()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var id = stream.GetGrainId();
        var writesBefore = Storage.Writes(id);

        for (var i = 0; i < 30; i++)
        {
            await stream.PostChatAsync(creator, $"message {i}").WithTimeout();
        }

        // A write at most once a second (and a seq reservation per 1,000 events), so far fewer than one per message.
        Assert.True(Storage.Writes(id) - writesBefore < 30, $"{Storage.Writes(id) - writesBefore} writes for 30 messages");
        Storage.FailNextWrites(id, 1);
        await Timeouts.Eventually(
            async () => (await Storage.ReadAsync<StreamChatState>("stream-chat", id)).Chat is { Length: 30 } chat && chat[^1].Text == "message 29",
            "the whole history is written, after a failed write too");
    }
}
