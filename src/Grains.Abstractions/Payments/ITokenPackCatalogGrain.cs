namespace LiveStreamX.Payments;

/// <summary>The token packs on sale, managed by admins. Key: 0.</summary>
[Alias("lsx.ITokenPackCatalogGrain")]
public interface ITokenPackCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every pack, active or not, cheapest first.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<TokenPack>> ListAsync();

    /// <summary>Adds or replaces a pack (validated).</summary>
    [Alias("Upsert")]
    Task<TokenPack> UpsertAsync(TokenPack pack);

    /// <summary>Adds these packs when the catalog has none yet (the demo's defaults).</summary>
    [Alias("Seed")]
    Task SeedAsync(TokenPack[] packs);
}

/// <summary>
/// A pack of tokens sold through Stripe Checkout: <paramref name="Tokens"/> and, on larger packs,
/// <paramref name="BonusTokens"/> on top, for <paramref name="PriceCents"/> in <paramref name="Currency"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.TokenPack")]
public sealed record TokenPack(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Tokens,
    [property: Id(3)] long BonusTokens,
    [property: Id(4)] long PriceCents,
    [property: Id(5)] string Currency,
    [property: Id(6)] bool Active);
