using LiveStreamX.Gifts;

namespace LiveStreamX.Grains.Gifts;

/// <summary>The catalog, by code.</summary>
[GenerateSerializer, Alias("lsx.GiftCatalogState")]
public sealed record GiftCatalogState
{
    [Id(0)] public bool Seeded { get; init; }

    [Id(1)] public Dictionary<string, Gift> Gifts { get; init; } = [];
}
