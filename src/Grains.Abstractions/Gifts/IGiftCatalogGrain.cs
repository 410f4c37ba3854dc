using Orleans.Concurrency;

namespace LiveStreamX.Gifts;

/// <summary>The gift catalog, seeded on first use. Key: 0.</summary>
[Alias("lsx.IGiftCatalogGrain")]
public interface IGiftCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every gift, retired ones included.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<Gift>> ListAsync();

    /// <summary>One gift, or null.</summary>
    [Alias("Get"), ReadOnly]
    Task<Gift?> GetAsync(string code);

    /// <summary>Adds a gift; fails if the code exists.</summary>
    [Alias("Add")]
    Task<Gift> AddAsync(Gift gift);

    /// <summary>Retires a gift: it stays in the catalog's history but can no longer be sent.</summary>
    [Alias("Retire")]
    Task<Gift> RetireAsync(string code);
}
