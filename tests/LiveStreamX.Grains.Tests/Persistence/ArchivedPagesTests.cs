using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Testing;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>
/// A ledger page is archived only once every entry on it is written: entries a failed group write takes back never
/// reach an archive page, whose numbers the next entries then take.
/// </summary>
public sealed class ArchivedPagesTests : FlakyClusterTests
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["LSX:Wallets:LedgerPageSize"] = "8" };

    [Fact]
    public async Task EntriesAFailedWriteTakesBackNeverReachAnArchivedPage()
    {
        var earnings = Grains.GetGrain<IEarningsGrain>(TestIds.User());
        for (var i = 0; i < 3; i++)
        {
            await earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 10)).WithTimeout();
        }

        // Entries 7 and 8 fill the page while their write is held; the next gift waits for it before archiving.
        var gate = Storage.Hold(earnings.GetGrainId(), "earnings");
        var failing = earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 10));
        await Timeouts.Eventually(() => Task.FromResult(gate.Waiting == 1), "the write of entries 7 and 8 is in flight");
        var next = earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 20));
        gate.Fail();
        Assert.Equal(ErrorCodes.Unavailable, (await Assert.ThrowsAsync<DomainException>(() => failing.WithTimeout())).Code);
        await next.WithTimeout();

        // More gifts archive pages; every archived entry is one the ledger's totals count.
        for (var i = 0; i < 6; i++)
        {
            await earnings.ReceiveAsync(Delivery(earnings, TestIds.User(), 10)).WithTimeout();
        }

        var audit = await earnings.AuditAsync().WithTimeout();
        Assert.Equal(2 * 10, audit.Entries);
        Assert.Equal(7 * 9 + 14, audit.Earnings);
        Assert.True(audit.Consistent, $"ledger {audit.LedgerEarnings} against earnings {audit.Earnings}");
        var page = await earnings.GetLedgerAsync(100, null).WithTimeout();
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(n => (long)n), page.Entries.Select(e => e.No));
        Assert.Equal(14, page.Entries.Single(e => e.No == 7).Amount);
    }

    private static GiftDelivery Delivery(IEarningsGrain earnings, string sender, long tokens) =>
        new(sender, sender, 1, TestIds.Stream(), earnings.GetPrimaryKeyString(), new Gift("rose", "Rose", 1, "rose-float", Rarity.Common, null),
            1, tokens, tokens * 7 / 10, tokens - (tokens * 7 / 10), DateTimeOffset.UtcNow);
}
