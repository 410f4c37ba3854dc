using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Gifts;

[Collection(ClusterCollection.Name)]
public sealed class GiftCatalogTests(ClusterFixture fixture)
{
    private IGiftCatalogGrain Catalog => fixture.Client.GetGrain<IGiftCatalogGrain>(0);

    [Fact]
    public async Task TheCatalogIsSeededWithAtLeastTwelveGiftsOfEveryRarity()
    {
        var gifts = await Catalog.ListAsync().WithTimeout();
        Assert.True(gifts.Count(g => g.Active) >= 12);
        Assert.Equal(Enum.GetValues<Rarity>().Length, gifts.Select(g => g.Rarity).Distinct().Count());
        Assert.Contains(gifts, g => g.CommandAction is not null);
        Assert.All(gifts, g => Assert.True(g.TokenCost > 0));
    }

    [Fact]
    public async Task AnAdminAddsAGiftAndRetiresIt()
    {
        var code = "g-" + Guid.NewGuid().ToString("N")[..8];
        var added = await Catalog.AddAsync(new Gift(code, " Comet ", 42, "comet-trail", Rarity.Rare, "confetti")).WithTimeout();
        Assert.Equal("Comet", added.Name);
        Assert.True((await Catalog.GetAsync(code))!.Active);

        var retired = await Catalog.RetireAsync(code).WithTimeout();
        Assert.False(retired.Active);
        Assert.False((await Catalog.GetAsync(code))!.Active);
    }

    [Fact]
    public async Task ABadGiftIsRejectedWithFieldErrors()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Catalog.AddAsync(new Gift("Bad Code!", "", 0, "x", (Rarity)9, "explode")).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Equal(["animationKey", "code", "commandAction", "name", "rarity", "tokenCost"], error.Errors!.Keys.Order());
    }

    [Fact]
    public async Task AGiftCodeCanBeAddedOnce()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Catalog.AddAsync(new Gift("rose", "Rose", 1, "rose-float", Rarity.Common, null)).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, error.Code);
    }
}
