using System.Text.RegularExpressions;
using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Hosting;

namespace LiveStreamX.Grains.Gifts;

/// <summary>The gift catalog: seeded with the standard gifts on first use; admins add and retire gifts.</summary>
// Reads are [ReadOnly] and interleave. Gifts read it through each silo's GiftCatalogCache, not per gift.
public sealed partial class GiftCatalogGrain(
    [PersistentState("gift-catalog", StorageNames.Default)] IPersistentState<GiftCatalogState> catalog,
    GiftCatalogCache cache)
    : Grain, IGiftCatalogGrain
{
    /// <summary>The gifts a new installation starts with.</summary>
    public static readonly IReadOnlyList<Gift> Standard =
    [
        new("rose", "Rose", 1, "rose-float", Rarity.Common, null),
        new("heart", "Heart", 5, "heart-pop", Rarity.Common, null),
        new("clap", "Applause", 10, "clap-burst", Rarity.Common, "sound-effect"),
        new("coffee", "Coffee", 20, "coffee-steam", Rarity.Common, null),
        new("star", "Star", 50, "star-twinkle", Rarity.Rare, null),
        new("party", "Party Popper", 99, "party-pop", Rarity.Rare, "confetti"),
        new("spotlight", "Spotlight", 150, "spotlight-beam", Rarity.Rare, "spotlight-message"),
        new("rocket", "Rocket", 300, "rocket-launch", Rarity.Epic, null),
        new("rainbow", "Rainbow", 500, "rainbow-arc", Rarity.Epic, "theme-flash"),
        new("wheel", "Wheel of Fortune", 750, "wheel-spin", Rarity.Epic, "spin-wheel"),
        new("snail", "Slow-mo Snail", 200, "snail-crawl", Rarity.Rare, "slow-mo-chat"),
        new("dragon", "Dragon", 2000, "dragon-fire", Rarity.Legendary, "confetti"),
        new("galaxy", "Galaxy", 5000, "galaxy-swirl", Rarity.Legendary, null),
    ];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!catalog.State.Seeded)
        {
            catalog.State = new GiftCatalogState { Seeded = true, Gifts = Standard.ToDictionary(g => g.Code) };
            await catalog.WriteStateAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<Gift>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Gift>>([.. catalog.State.Gifts.Values.OrderBy(g => g.TokenCost).ThenBy(g => g.Code, StringComparer.Ordinal)]);

    public Task<Gift?> GetAsync(string code) => Task.FromResult(catalog.State.Gifts.GetValueOrDefault(code ?? string.Empty));

    public async Task<Gift> AddAsync(Gift gift)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CodePattern().IsMatch(gift.Code ?? string.Empty))
        {
            errors["code"] = ["A code is 2–32 of a–z, 0–9 and '-'."];
        }

        if (!InputText.TryClean(gift.Name, 40, out var name))
        {
            errors["name"] = ["A name is 1–40 characters with something visible."];
        }

        if (gift.TokenCost is < 1 or > 100_000)
        {
            errors["tokenCost"] = ["A gift costs 1–100,000 tokens."];
        }

        if (!CodePattern().IsMatch(gift.AnimationKey ?? string.Empty))
        {
            errors["animationKey"] = ["An animation key is 2–32 of a–z, 0–9 and '-'."];
        }

        if (!Enum.IsDefined(gift.Rarity))
        {
            errors["rarity"] = ["The rarity is common, rare, epic or legendary."];
        }

        if (gift.CommandAction is not null && CommandCatalog.Find(gift.CommandAction) is null)
        {
            errors["commandAction"] = [$"The action is one of {string.Join(", ", CommandCatalog.Actions.Select(a => a.Action))}."];
        }

        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        if (catalog.State.Gifts.ContainsKey(gift.Code!))
        {
            throw new DomainException(ErrorCodes.Conflict, $"A gift '{gift.Code}' exists already.") { Field = "code" };
        }

        var added = gift with { Name = name, Active = true };
        catalog.State.Gifts[added.Code!] = added;
        await catalog.WriteStateAsync();
        cache.Invalidate();
        return added;
    }

    public async Task<Gift> RetireAsync(string code)
    {
        var gift = catalog.State.Gifts.GetValueOrDefault(code ?? string.Empty) ?? throw DomainException.NotFound($"There is no gift '{code}'.");
        var retired = gift with { Active = false };
        catalog.State.Gifts[gift.Code] = retired;
        await catalog.WriteStateAsync();
        cache.Invalidate();
        return retired;
    }

    [GeneratedRegex("^[a-z0-9-]{2,32}$")]
    private static partial Regex CodePattern();
}
