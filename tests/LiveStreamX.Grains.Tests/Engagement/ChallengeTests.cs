using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Engagement;

[Collection(ClusterCollection.Name)]
public sealed class ChallengeTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task GiftTokensCompleteAChallengeAndFireItsReward()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var events = await SubscribeAsync(stream);
        await stream.StartChallengeAsync(creator, new StartChallenge(ChallengeKind.GiftTokens, 100, 600, "confetti", """{"intensity":5}""")).WithTimeout();

        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), "star", 2, Actors.Key())).WithTimeout();

        var done = Assert.IsType<ChallengeUpdated>(await events.WaitAsync(e => e is ChallengeUpdated { Challenge.Status: ChallengeStatus.Completed }));
        Assert.Equal(100, done.Challenge.Progress);
        var reward = Assert.IsType<OverlayTriggered>(await events.WaitAsync(e => e is OverlayTriggered { GiftCode: "challenge" }));
        Assert.Equal(5, reward.Params.GetProperty("intensity").GetInt32());
    }

    [Fact]
    public async Task ChatMessagesCountAndTheDeadlineFailsAnUnfinishedChallenge()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var events = await SubscribeAsync(stream);
        await stream.StartChallengeAsync(creator, new StartChallenge(ChallengeKind.ChatMessages, 10, 30, null, null)).WithTimeout();
        await stream.PostChatAsync(creator, "one").WithTimeout();
        await stream.PostChatAsync(creator, "two").WithTimeout();
        await events.WaitAsync(e => e is ChallengeUpdated { Challenge.Progress: 2 });

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var failed = Assert.IsType<ChallengeUpdated>(await events.WaitAsync(e => e is ChallengeUpdated { Challenge.Status: ChallengeStatus.Failed }));
        Assert.Equal(2, failed.Challenge.Progress);
    }

    [Fact]
    public async Task AChallengeIsValidatedAndOneRunsAtATime()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var bad = await Assert.ThrowsAsync<DomainException>(() =>
            stream.StartChallengeAsync(creator, new StartChallenge(ChallengeKind.Reactions, 0, 5, "explode", null)).WithTimeout());
        Assert.Equal(["durationSeconds", "reward.action", "target"], bad.Errors!.Keys.Order());

        await stream.StartChallengeAsync(creator, new StartChallenge(ChallengeKind.Reactions, 50, 60, null, null)).WithTimeout();
        var second = await Assert.ThrowsAsync<DomainException>(() =>
            stream.StartChallengeAsync(creator, new StartChallenge(ChallengeKind.Reactions, 50, 60, null, null)).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, second.Code);

        await stream.RecordReactionsAsync(20);
        Assert.Equal(20, (await stream.GetChallengeAsync())!.Progress);
    }

    private Task<EventProbe> SubscribeAsync(IStreamGrain stream) => EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
}
