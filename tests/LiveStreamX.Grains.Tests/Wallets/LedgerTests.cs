using LiveStreamX.Gifts;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Wallets;

[Collection(ClusterCollection.Name)]
public sealed class LedgerTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ALongLedgerPagesNewestFirstAcrossArchivedPages()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        for (var i = 0; i < 150; i++)
        {
            await wallet.SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), "rose", 1, Actors.Key())).WithTimeout();
        }

        var numbers = new List<long>();
        long? before = null;
        do
        {
            var page = await wallet.GetLedgerAsync(40, before).WithTimeout();
            numbers.AddRange(page.Entries.Select(e => e.No));
            before = page.NextBefore;
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(1, 151).Reverse().Select(i => (long)i), numbers);
        var audit = await wallet.AuditAsync();
        Assert.True(audit.Consistent);
        Assert.Equal(151, audit.Entries);
        Assert.Equal(850, audit.Balance);
    }

    [Fact]
    public async Task AnAdminGrantIsIdempotent()
    {
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
        var key = Actors.Key();
        Assert.Equal(1500, await wallet.GrantAsync(500, LedgerKind.Grant, "support", key).WithTimeout());
        Assert.Equal(1500, await wallet.GrantAsync(500, LedgerKind.Grant, "support", key).WithTimeout());
        Assert.Equal(2, (await wallet.GetLedgerAsync(10, null)).Entries.Count);
    }
}
