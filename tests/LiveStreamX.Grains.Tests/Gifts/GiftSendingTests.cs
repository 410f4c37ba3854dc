using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Gifts;

[Collection(ClusterCollection.Name)]
public sealed class GiftSendingTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task NewUsersStartWithTheStarterGrant()
    {
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        Assert.Equal(1000, await wallet.GetBalanceAsync().WithTimeout());

        var entry = Assert.Single((await wallet.GetLedgerAsync(10, null)).Entries);
        Assert.Equal(LedgerKind.Grant, entry.Kind);
        Assert.Equal(1000, entry.Amount);
    }

    [Fact]
    public async Task AGiftDebitsTheSenderCreditsTheCreatorLessThePlatformShareAndReachesTheStream()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var events = await SubscribeAsync(stream.GetPrimaryKeyString());

        var receipt = await Grains.GetGrain<IWalletGrain>(viewer.UserId)
            .SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), "star", 3, Actors.Key())).WithTimeout();

        Assert.Equal(150, receipt.Tokens);
        Assert.Equal(850, receipt.Balance);
        Assert.False(receipt.Duplicate);
        Assert.Equal(850, await Grains.GetGrain<IWalletGrain>(viewer.UserId).GetBalanceAsync());
        Assert.Equal(105, await Grains.GetGrain<IEarningsGrain>(creator.UserId).GetEarningsAsync());
        Assert.Equal(1000, await Grains.GetGrain<IWalletGrain>(creator.UserId).GetBalanceAsync());

        var earned = (await Grains.GetGrain<IEarningsGrain>(creator.UserId).GetLedgerAsync(10, null)).Entries;
        Assert.Equal([LedgerKind.PlatformShare, LedgerKind.Earning], earned.Select(e => e.Kind));
        Assert.Equal(45, earned[0].Amount);
        Assert.All(earned, e => Assert.Equal(receipt.TransferId, e.Reference));

        var received = Assert.IsType<GiftReceived>(await events.WaitAsync(e => e is GiftReceived));
        Assert.Equal(viewer.Handle, received.From.Handle);
        Assert.Equal("star", received.Gift.Code);
        Assert.Equal(3, received.Count);
        Assert.Equal(150, received.StreamTotal);

        var stats = await stream.GetGiftStatsAsync();
        Assert.Equal(150, stats.TotalTokens);
        Assert.Equal(viewer.UserId, Assert.Single(stats.TopGifters).UserId);
    }

    [Fact]
    public async Task ARetryWithTheSameKeyReturnsTheFirstReceiptAndMovesNothing()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        var send = new SendGift(stream.GetPrimaryKeyString(), "heart", 2, Actors.Key());

        var first = await wallet.SendGiftAsync(send).WithTimeout();
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => wallet.SendGiftAsync(send))).WithTimeout();

        Assert.All(retries, r => Assert.Equal(first with { Duplicate = true }, r));
        Assert.Equal(990, await wallet.GetBalanceAsync());
        Assert.Equal(7, await Grains.GetGrain<IEarningsGrain>(creator.UserId).GetEarningsAsync());
        Assert.Equal(10, (await stream.GetGiftStatsAsync()).TotalTokens);
    }

    [Fact]
    public async Task ARepeatedDeliveryIsAppliedOnceByEarningsAndTheStream()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var rose = (await Grains.GetGrain<IGiftCatalogGrain>(0).GetAsync("rose"))!;
        var delivery = new GiftDelivery("u_sender_" + Guid.NewGuid().ToString("N")[..6], "sender", 7, stream.GetPrimaryKeyString(),
            creator.UserId, rose, 10, 10, 7, 3, DateTimeOffset.UtcNow);

        for (var i = 0; i < 3; i++)
        {
            await Grains.GetGrain<IEarningsGrain>(creator.UserId).ReceiveAsync(delivery).WithTimeout();
            await stream.RecordGiftAsync(delivery).WithTimeout();
        }

        // An older transfer from the same sender arriving late is a repeat too: senders deliver in order.
        await stream.RecordGiftAsync(delivery with { TransferNo = 6 }).WithTimeout();

        Assert.Equal(7, await Grains.GetGrain<IEarningsGrain>(creator.UserId).GetEarningsAsync());
        Assert.Equal(10, (await stream.GetGiftStatsAsync()).TotalTokens);
    }

    [Fact]
    public async Task EveryValidationFailureHasItsCodeAndMovesNothing()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var (scheduled, _) = await Actors.StreamAsync(Grains, live: false);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        var id = stream.GetPrimaryKeyString();

        async Task<string> Code(IWalletGrain from, SendGift gift) =>
            (await Assert.ThrowsAsync<DomainException>(() => from.SendGiftAsync(gift).WithTimeout())).Code;

        Assert.Equal(ErrorCodes.InvalidInput, await Code(wallet, new SendGift(id, "rose", 0, Actors.Key())));
        Assert.Equal(ErrorCodes.InvalidInput, await Code(wallet, new SendGift(id, "rose", 101, Actors.Key())));
        Assert.Equal(ErrorCodes.InvalidInput, await Code(wallet, new SendGift(id, "rose", 1, "short")));
        Assert.Equal(ErrorCodes.InvalidInput, await Code(wallet, new SendGift(id, "no-such-gift", 1, Actors.Key())));
        Assert.Equal(ErrorCodes.InvalidInput, await Code(wallet, new SendGift("bad id", "rose", 1, Actors.Key())));
        Assert.Equal(ErrorCodes.NotFound, await Code(wallet, new SendGift(TestIds.Stream(), "rose", 1, Actors.Key())));
        Assert.Equal(ErrorCodes.NotLive, await Code(wallet, new SendGift(scheduled.GetPrimaryKeyString(), "rose", 1, Actors.Key())));
        Assert.Equal(ErrorCodes.InsufficientFunds, await Code(wallet, new SendGift(id, "galaxy", 1, Actors.Key())));
        Assert.Equal(ErrorCodes.Forbidden, await Code(Grains.GetGrain<IWalletGrain>(creator.UserId), new SendGift(id, "rose", 1, Actors.Key())));

        Assert.Equal(1000, await wallet.GetBalanceAsync());
        Assert.Single((await wallet.GetLedgerAsync(50, null)).Entries);
    }

    [Fact]
    public async Task ARetiredGiftCannotBeSent()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var code = "r-" + Guid.NewGuid().ToString("N")[..8];
        await Grains.GetGrain<IGiftCatalogGrain>(0).AddAsync(new Gift(code, "Short-lived", 3, "fade", Rarity.Common, null));
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), code, 1, Actors.Key())).WithTimeout();

        await Grains.GetGrain<IGiftCatalogGrain>(0).RetireAsync(code);
        // Each silo reads the catalog again once its copy is this old (the wallet may live on the other silo).
        fixture.Clock.Advance(GiftCatalogCache.MaxAge);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), code, 1, Actors.Key())).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task TheSameGiftWithinThreeSecondsGrowsOneCombo()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var events = await SubscribeAsync(stream.GetPrimaryKeyString());
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        var id = stream.GetPrimaryKeyString();

        await wallet.SendGiftAsync(new SendGift(id, "rose", 1, Actors.Key()));
        await wallet.SendGiftAsync(new SendGift(id, "rose", 2, Actors.Key()));
        await wallet.SendGiftAsync(new SendGift(id, "heart", 1, Actors.Key()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(4));
        await wallet.SendGiftAsync(new SendGift(id, "rose", 1, Actors.Key()));

        var last = await events.WaitAsync(e => e is GiftReceived { Gift.Code: "rose", Combo: 1 } g && g.Seq > 3 && g.Count == 1 && g.TransferId.EndsWith(":5", StringComparison.Ordinal));
        await events.WaitThroughAsync(last.Seq);
        var gifts = events.All.OfType<GiftReceived>().ToList();
        Assert.Equal(4, gifts.Count);
        Assert.Equal(gifts[0].ComboId, gifts[1].ComboId);
        Assert.Equal([1, 3], gifts.Take(2).Select(g => g.Combo));
        Assert.NotEqual(gifts[0].ComboId, gifts[2].ComboId);
        Assert.NotEqual(gifts[0].ComboId, gifts[3].ComboId);
        Assert.Equal(1, gifts[3].Combo);
    }

    private Task<EventProbe> SubscribeAsync(string streamId) => EventProbe.SubscribeAsync(fixture.Client, streamId);
}
