using System.Text.RegularExpressions;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;

namespace LiveStreamX.Grains.Payments;

/// <summary>The token packs on sale; admins add and change them. Prices are read when a checkout is created.</summary>
public sealed partial class TokenPackCatalogGrain(
    [PersistentState("token-packs", StorageNames.Default)] IPersistentState<TokenPackCatalogState> catalog)
    : Grain, ITokenPackCatalogGrain
{
    public const int MaxPacks = 50;

    public Task<IReadOnlyList<TokenPack>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TokenPack>>([.. catalog.State.Packs.OrderBy(p => p.PriceCents).ThenBy(p => p.Id)]);

    public async Task<TokenPack> UpsertAsync(TokenPack pack)
    {
        var clean = Validate(pack);
        var others = catalog.State.Packs.Where(p => p.Id != clean.Id).ToArray();
        if (others.Length >= MaxPacks)
        {
            throw DomainException.InvalidInput("id", $"At most {MaxPacks} packs.");
        }

        catalog.State = catalog.State with { Packs = [.. others, clean] };
        await catalog.WriteStateAsync();
        return clean;
    }

    public async Task SeedAsync(TokenPack[] packs)
    {
        if (catalog.State.Packs.Length == 0)
        {
            catalog.State = catalog.State with { Packs = [.. packs.Select(Validate)] };
            await catalog.WriteStateAsync();
        }
    }

    /// <summary>The pack cleaned, or <c>invalid_input</c> naming every field wrong.</summary>
    public static TokenPack Validate(TokenPack pack)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IdPattern().IsMatch(pack.Id ?? string.Empty))
        {
            errors["id"] = ["1–32 lower-case letters, digits or '-'."];
        }

        var name = InputText.TryClean(pack.Name, 60, out var n) ? n : null;
        if (name is null)
        {
            errors["name"] = ["1–60 characters."];
        }

        if (pack.Tokens is < 1 or > 10_000_000)
        {
            errors["tokens"] = ["1–10,000,000 tokens."];
        }

        if (pack.BonusTokens is < 0 or > 10_000_000)
        {
            errors["bonusTokens"] = ["0–10,000,000 bonus tokens."];
        }

        // Stripe's smallest charge is 50 cents (or the like in other currencies); its largest, 999,999.99.
        if (pack.PriceCents is < 50 or > 99_999_999)
        {
            errors["priceCents"] = ["50–99,999,999 in the currency's smallest unit."];
        }

        if (!CurrencyPattern().IsMatch(pack.Currency ?? string.Empty))
        {
            errors["currency"] = ["A lower-case ISO 4217 code such as 'usd'."];
        }

        return errors.Count > 0 ? throw DomainException.InvalidInput(errors) : pack with { Name = name! };
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyPattern();
}

/// <summary>The packs.</summary>
[GenerateSerializer, Alias("lsx.TokenPackCatalogState")]
public sealed record TokenPackCatalogState
{
    [Id(0)] public TokenPack[] Packs { get; init; } = [];
}
