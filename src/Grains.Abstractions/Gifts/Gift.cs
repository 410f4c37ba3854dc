namespace LiveStreamX.Gifts;

/// <summary>How rare a gift looks: each rarity has its own animation.</summary>
public enum Rarity
{
    Common = 0,
    Rare = 1,
    Epic = 2,
    Legendary = 3,
}

/// <summary>A gift of the catalog.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Gift")]
public sealed record Gift(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] int TokenCost,
    [property: Id(3)] string AnimationKey,
    [property: Id(4)] Rarity Rarity,
    [property: Id(5)] string? CommandAction,
    [property: Id(6)] bool Active = true);
