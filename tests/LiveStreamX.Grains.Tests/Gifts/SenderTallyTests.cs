using LiveStreamX.Gifts;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Grains.Streams;
using LiveStreamX.Grains.Wallets;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Gifts;

/// <summary>
/// The per-sender tallies of streams and earnings: figures stored before the tallies existed move into them once,
/// and a gift whose tally write a crash cut off is tallied once on the next activation.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SenderTallyTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AStreamsGiftFiguresStoredBeforeTheTalliesMoveIntoThemAndStayApplied()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var (ada, bob) = (TestIds.User(), TestIds.User());
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        await fixture.ChangeStoredAsync<StreamState>("stream", stream.GetGrainId(), s => s with
        {
            GiftTotal = 300,
            Gifters = new() { [ada] = new TopGifter(ada, "ada", 200), [bob] = new TopGifter(bob, "bob", 100) },
            GiftsApplied = new() { [ada] = 5, [bob] = 2 },
        });

        var moved = await stream.GetGiftStatsAsync().WithTimeout();
        Assert.Equal(300, moved.TotalTokens);
        Assert.Equal([(ada, "ada", 200L), (bob, "bob", 100L)], moved.TopGifters.Select(g => (g.UserId, g.Handle, g.Tokens)));

        // Ada's transfer 5 was applied before the move: delivering it again changes nothing; 6 is new.
        var rose = (await Grains.GetGrain<IGiftCatalogGrain>(0).GetAsync("rose"))!;
        await stream.RecordGiftAsync(Delivery(ada, "ada", 5, stream, rose, 10)).WithTimeout();
        Assert.Equal(300, (await stream.GetGiftStatsAsync()).TotalTokens);
        await stream.RecordGiftAsync(Delivery(ada, "ada", 6, stream, rose, 10)).WithTimeout();
        Assert.Equal(310, (await stream.GetGiftStatsAsync()).TotalTokens);

        // The old copy is cleared, and the tallies alone carry the figures through the next activation.
        var stored = await fixture.ReadStoredAsync<StreamState>("stream", stream.GetGrainId());
        Assert.Empty(stored.Gifters);
        Assert.Empty(stored.GiftsApplied);
        Assert.Equal(0, stored.GiftTotal);
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        var again = await stream.GetGiftStatsAsync().WithTimeout();
        Assert.Equal(310, again.TotalTokens);
        Assert.Equal(210, again.TopGifters[0].Tokens);
    }

    [Fact]
    public async Task ACommandGiftQueuedButNotTalliedWhenTheSiloDiedIsTalliedOnceOnTheNextActivation()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var sender = TestIds.User();
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        // What the stream's command state holds after the first of a command gift's two writes.
        await fixture.ChangeStoredAsync<StreamCommandsState>("stream-commands", stream.GetGrainId(), s => s with
        {
            GiftInFlight = new GiftInFlight(sender, "cy", 3, 40),
        });

        var stats = await stream.GetGiftStatsAsync().WithTimeout();
        Assert.Equal(40, stats.TotalTokens);
        Assert.Equal(sender, Assert.Single(stats.TopGifters).UserId);

        // The wallet's retry of that delivery is a repeat.
        var rose = (await Grains.GetGrain<IGiftCatalogGrain>(0).GetAsync("rose"))!;
        await stream.RecordGiftAsync(Delivery(sender, "cy", 3, stream, rose, 40)).WithTimeout();
        Assert.Equal(40, (await stream.GetGiftStatsAsync()).TotalTokens);
    }

    [Fact]
    public async Task EarningsStoredBeforeTheTalliesKeepTellingRepeatsFromNewGifts()
    {
        var creator = TestIds.User();
        var sender = TestIds.User();
        var earnings = Grains.GetGrain<IEarningsGrain>(creator);
        await fixture.ChangeStoredAsync<EarningsState>("earnings", earnings.GetGrainId(), s => s with
        {
            Applied = new() { [sender] = 7 },
        });

        var rose = (await Grains.GetGrain<IGiftCatalogGrain>(0).GetAsync("rose"))!;
        var repeat = Delivery(sender, "sender", 7, Grains.GetGrain<IStreamGrain>(TestIds.Stream()), rose, 10) with { CreatorId = creator };
        await earnings.ReceiveAsync(repeat).WithTimeout();
        Assert.Equal(0, await earnings.GetEarningsAsync());

        await earnings.ReceiveAsync(repeat with { TransferNo = 8 }).WithTimeout();
        Assert.Equal(7, await earnings.GetEarningsAsync());
        Assert.Empty((await fixture.ReadStoredAsync<EarningsState>("earnings", earnings.GetGrainId())).Applied);
    }

    [Fact]
    public async Task AnEarningInTheLedgerButNotTalliedWhenTheSiloDiedIsNotEnteredTwice()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var sender = TestIds.User();
        var earnings = Grains.GetGrain<IEarningsGrain>(creator.UserId);
        var rose = (await Grains.GetGrain<IGiftCatalogGrain>(0).GetAsync("rose"))!;
        var first = Delivery(sender, "sender", 1, stream, rose, 10) with { CreatorId = creator.UserId };
        await earnings.ReceiveAsync(first).WithTimeout();
        await fixture.Cluster.DeactivateAsync(earnings).WithTimeout();

        // The ledger holds transfer 2, but the silo died before its sender's tally was written.
        var tallyless = first with { TransferNo = 2 };
        await fixture.ChangeStoredAsync<EarningsState>("earnings", earnings.GetGrainId(), s => s with
        {
            Earnings = s.Earnings + tallyless.CreatorShare,
            PlatformShare = s.PlatformShare + tallyless.PlatformShare,
            LastGift = new GiftInFlight(sender, "sender", 2, tallyless.Tokens),
        });

        await earnings.ReceiveAsync(tallyless).WithTimeout();
        Assert.Equal(14, await earnings.GetEarningsAsync());
        await earnings.ReceiveAsync(first with { TransferNo = 3 }).WithTimeout();
        Assert.Equal(21, await earnings.GetEarningsAsync());
    }

    private static GiftDelivery Delivery(string sender, string handle, long transferNo, IStreamGrain stream, Gift gift, long tokens) =>
        new(sender, handle, transferNo, stream.GetPrimaryKeyString(), "u_creator", gift, 1, tokens,
            tokens * 7 / 10, tokens - (tokens * 7 / 10), DateTimeOffset.UtcNow);
}
