using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>
/// Gifts that reach a wallet or a creator's earnings while its write is in flight share the next write and are
/// acknowledged together; a failed write fails its gifts (and those waiting behind them), takes back exactly what
/// they changed, and their retries apply once.
/// </summary>
public sealed class GroupCommitTests : FlakyClusterTests
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["LSX:Wallets:GiftsPerSecond"] = "1000" };

    [Fact]
    public async Task GiftsThatReachTheEarningsWhileAWriteIsInFlightShareTheNextWrite()
    {
        var earnings = Grains.GetGrain<IEarningsGrain>(TestIds.User());
        await earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 1, 10)).WithTimeout();
        var before = Storage.Writes(earnings.GetGrainId(), "earnings");

        var gate = Storage.Hold(earnings.GetGrainId(), "earnings");
        var first = earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 1, 10));
        await Timeouts.Eventually(() => Task.FromResult(gate.Waiting == 1), "the first gift's write is in flight");
        var others = Enumerable.Range(0, 20).Select(_ => earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 1, 10))).ToList();
        await Timeouts.Eventually(async () => await earnings.GetEarningsAsync() == 7 * 22, "the others are entered in memory");
        gate.Open();
        await Task.WhenAll([first, .. others]).WithTimeout();

        Assert.Equal(2, Storage.Writes(earnings.GetGrainId(), "earnings") - before);
        Assert.Equal(7 * 22, await earnings.GetEarningsAsync());
        var audit = await earnings.AuditAsync().WithTimeout();
        Assert.Equal(7 * 22, audit.LedgerEarnings);
        Assert.Equal(44, audit.Entries);
    }

    [Fact]
    public async Task AFailedEarningsWriteFailsItsGiftsAndTakesBackExactlyTheirEntries()
    {
        var earnings = Grains.GetGrain<IEarningsGrain>(TestIds.User());
        var (ada, bob, cy) = (TestIds.User(), TestIds.User(), TestIds.User());
        await earnings.ReceiveAsync(Delivery(earnings, ada, 1, 10)).WithTimeout();

        var gate = Storage.Hold(earnings.GetGrainId(), "earnings");
        var inFlight = earnings.ReceiveAsync(Delivery(earnings, ada, 2, 10));
        await Timeouts.Eventually(() => Task.FromResult(gate.Waiting == 1), "the write is in flight");
        var waiting = new[] { earnings.ReceiveAsync(Delivery(earnings, bob, 1, 20)), earnings.ReceiveAsync(Delivery(earnings, cy, 1, 30)) };
        await Timeouts.Eventually(async () => await earnings.GetEarningsAsync() == 7 + 7 + 14 + 21, "all three are entered in memory");
        gate.Fail();

        // The batch in flight and the one entered on top of it both fail: their ledger numbers followed the failed ones.
        foreach (var failed in waiting.Prepend(inFlight))
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => failed.WithTimeout());
            Assert.Equal(ErrorCodes.Unavailable, error.Code);
        }

        Assert.Equal(7, await earnings.GetEarningsAsync());
        Assert.Equal(2, (await earnings.AuditAsync().WithTimeout()).Entries);

        // The wallets deliver again: each applies once, numbered on from the last written entry.
        await earnings.ReceiveAsync(Delivery(earnings, ada, 2, 10)).WithTimeout();
        await earnings.ReceiveAsync(Delivery(earnings, bob, 1, 20)).WithTimeout();
        await earnings.ReceiveAsync(Delivery(earnings, cy, 1, 30)).WithTimeout();
        await earnings.ReceiveAsync(Delivery(earnings, cy, 1, 30)).WithTimeout();
        var audit = await earnings.AuditAsync().WithTimeout();
        Assert.Equal(7 + 7 + 14 + 21, audit.Earnings);
        Assert.Equal(audit.Earnings, audit.LedgerEarnings);
        Assert.Equal(8, audit.Entries);
    }

    [Fact]
    public async Task GiftsFromOneWalletWhileItsWriteIsInFlightShareTheNextWriteAndAFailedOneIsRetriedOnce()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        Assert.Equal(1000, await wallet.GetBalanceAsync().WithTimeout());
        var id = stream.GetPrimaryKeyString();
        var keys = Enumerable.Range(0, 6).Select(_ => Actors.Key()).ToArray();

        // Together: one write for the first, one for the five that came while it was in flight.
        var before = Storage.Writes(wallet.GetGrainId(), "wallet");
        var gate = Storage.Hold(wallet.GetGrainId(), "wallet");
        var first = wallet.SendGiftAsync(new SendGift(id, "heart", 1, keys[0]));
        await Timeouts.Eventually(() => Task.FromResult(gate.Waiting == 1), "the first debit's write is in flight");
        var rest = keys[1..].Select(k => wallet.SendGiftAsync(new SendGift(id, "heart", 1, k))).ToList();
        await Timeouts.Eventually(async () => await wallet.GetBalanceAsync() == 1000 - 30, "all six are entered in memory");
        gate.Open();
        var receipts = await Task.WhenAll([first, .. rest]).WithTimeout();
        Assert.Equal(2, Storage.Writes(wallet.GetGrainId(), "wallet") - before);
        Assert.Equal(6, receipts.Select(r => r.TransferId).Distinct().Count());

        // A failed write: its debits are taken back and fail; retried with the same keys they apply once.
        var failing = Storage.Hold(wallet.GetGrainId(), "wallet");
        var again = new[] { Actors.Key(), Actors.Key() };
        var a = wallet.SendGiftAsync(new SendGift(id, "heart", 1, again[0]));
        await Timeouts.Eventually(() => Task.FromResult(failing.Waiting == 1), "the debit's write is in flight");
        var b = wallet.SendGiftAsync(new SendGift(id, "heart", 1, again[1]));
        var repeat = wallet.SendGiftAsync(new SendGift(id, "heart", 1, again[0]));
        await Timeouts.Eventually(async () => await wallet.GetBalanceAsync() == 1000 - 40, "both are entered in memory");
        failing.Fail();
        foreach (var failed in new[] { a, b, repeat })
        {
            Assert.Equal(ErrorCodes.Unavailable, (await Assert.ThrowsAsync<DomainException>(() => failed.WithTimeout())).Code);
        }

        Assert.Equal(1000 - 30, await wallet.GetBalanceAsync());
        Assert.False((await wallet.SendGiftAsync(new SendGift(id, "heart", 1, again[0])).WithTimeout()).Duplicate);
        Assert.True((await wallet.SendGiftAsync(new SendGift(id, "heart", 1, again[0])).WithTimeout()).Duplicate);
        Assert.False((await wallet.SendGiftAsync(new SendGift(id, "heart", 1, again[1])).WithTimeout()).Duplicate);
        Assert.Equal(1000 - 40, await wallet.GetBalanceAsync());

        // Every debit reached the stream once, and the ledger adds up.
        await Timeouts.Eventually(async () => (await stream.GetGiftStatsAsync()).TotalTokens == 40, "the stream counted each gift once");
        var audit = await wallet.AuditAsync().WithTimeout();
        Assert.Equal(1000 - 40, audit.LedgerSpendable);
        Assert.Equal(0, audit.InFlight);
    }

    private static GiftDelivery Delivery(IEarningsGrain earnings, string sender, long transferNo, long tokens) =>
        new(sender, sender, transferNo, TestIds.Stream(), earnings.GetPrimaryKeyString(), new Gift("rose", "Rose", 1, "rose-float", Rarity.Common, null),
            1, tokens, tokens * 7 / 10, tokens - (tokens * 7 / 10), DateTimeOffset.UtcNow);
}
