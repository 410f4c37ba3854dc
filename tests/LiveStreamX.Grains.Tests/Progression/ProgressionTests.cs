using LiveStreamX.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Progression;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LiveStreamX.Grains.Tests.Progression;

[Collection(ClusterCollection.Name)]
public sealed class ProgressionTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task XpIsSavedSoonAfterItChangesWithoutWaitingForADeactivation()
    {
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var progression = Grains.GetGrain<IProgressionGrain>(viewer.UserId);
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

        async Task<long> StoredXp()
        {
            var stored = new GrainState<ProgressionState>(new ProgressionState());
            await storage.ReadStateAsync("progression", progression.GetGrainId(), stored);
            return stored.State?.Xp ?? 0;
        }

        await progression.RecordAsync(new XpActivity(XpSource.Gift, TestIds.Stream(), 150)).WithTimeout();
        await Timeouts.Eventually(async () => await StoredXp() == 150, "the first change is written");
        await progression.RecordAsync(new XpActivity(XpSource.Gift, TestIds.Stream(), 50)).WithTimeout();
        await Timeouts.Eventually(async () => await StoredXp() == 200, "a later change is written too");
    }

    [Fact]
    public async Task ChatEarnsXpOnlyForTheFirstTenMessagesOfAMinute()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var progression = Grains.GetGrain<IProgressionGrain>(viewer.UserId);
        long xp = 0;
        for (var i = 0; i < 15; i++)
        {
            xp += (await progression.RecordAsync(new XpActivity(XpSource.ChatMessage, stream.GetPrimaryKeyString())).WithTimeout()).XpGained;
        }

        Assert.Equal(20, xp);
        Assert.Equal(15, (await progression.GetAsync()).Stats.ChatMessages);
    }

    [Fact]
    public async Task WatchTimeCountsOncePer30SecondsAndOnlyOnALiveStream()
    {
        var (live, _) = await Actors.StreamAsync(Grains);
        var (scheduled, _) = await Actors.StreamAsync(Grains, live: false);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var progression = Grains.GetGrain<IProgressionGrain>(viewer.UserId);

        Assert.Equal(0, (await progression.RecordAsync(new XpActivity(XpSource.Watch, scheduled.GetPrimaryKeyString()))).XpGained);
        Assert.Equal(10, (await progression.RecordAsync(new XpActivity(XpSource.Watch, live.GetPrimaryKeyString()))).XpGained);
        Assert.Equal(0, (await progression.RecordAsync(new XpActivity(XpSource.Watch, live.GetPrimaryKeyString()))).XpGained);
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(10, (await progression.RecordAsync(new XpActivity(XpSource.Watch, live.GetPrimaryKeyString()))).XpGained);
    }

    [Fact]
    public async Task AGiftEarnsXpPerTokenTheFirstGiftBadgeAndALevel()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), "party", 2, Actors.Key())).WithTimeout();

        Progress progress = null!;
        await Timeouts.Eventually(async () => (progress = await Grains.GetGrain<IProgressionGrain>(viewer.UserId).GetAsync()).Xp == 198, "the gift's XP arrives");
        Assert.Contains("first-gift", progress.Badges);
        Assert.Equal(2, progress.Level);
    }

    [Fact]
    public async Task EndingAStreamCreditsTheCreatorsHoursAndTheTopGifters()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), "heart", 1, Actors.Key())).WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();

        await Timeouts.Eventually(
            async () => (await Grains.GetGrain<IProgressionGrain>(creator.UserId).GetAsync()).Stats.HoursStreamed >= 2,
            "the creator's hours are counted");
        await Timeouts.Eventually(
            async () => (await Grains.GetGrain<IProgressionGrain>(viewer.UserId).GetAsync()).Badges.Contains("top-gifter"),
            "the top gifter gets the badge");
        Assert.True((await Grains.GetGrain<IProgressionGrain>(creator.UserId).GetAsync()).CreatorXp >= 100);
    }
}
