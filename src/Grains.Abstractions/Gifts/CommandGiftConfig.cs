namespace LiveStreamX.Gifts;

/// <summary>A stream's mapping from gifts to overlay actions, and each action's cooldown in seconds.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CommandGiftConfig")]
public sealed record CommandGiftConfig(
    [property: Id(0)] IReadOnlyList<CommandMapping> Mappings,
    [property: Id(1)] IReadOnlyDictionary<string, int> Cooldowns)
{
    public static readonly CommandGiftConfig Empty = new([], new Dictionary<string, int>());
}

/// <summary>One gift mapped to one action, with the action's parameters as a JSON object.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CommandMapping")]
public sealed record CommandMapping(
    [property: Id(0)] string GiftCode,
    [property: Id(1)] string Action,
    [property: Id(2)] string ParamsJson);
