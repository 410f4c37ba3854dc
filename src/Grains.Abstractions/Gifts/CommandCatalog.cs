using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiveStreamX.Common;

namespace LiveStreamX.Gifts;

/// <summary>A parameter type of a command action.</summary>
public enum ParamType
{
    Color,
    WholeNumber,
    Number,
    Text,
    Choice,
    TextList,
}

/// <summary>One parameter of an action: its type, whether it is required, and its bounds.</summary>
public sealed record CommandParam(string Name, ParamType Type, bool Required, double? Min = null, double? Max = null, IReadOnlyList<string>? Values = null);

/// <summary>An overlay action creators may map gifts to.</summary>
public sealed record CommandAction(string Action, string Description, IReadOnlyList<CommandParam> Params, string DefaultParamsJson);

/// <summary>
/// The server-side whitelist of overlay actions and their parameter schemas. Nothing outside it reaches viewers:
/// unknown actions, unknown parameters and values of the wrong type or range are rejected when saved.
/// </summary>
public static partial class CommandCatalog
{
    public const int MaxCooldownSeconds = 3600;
    public const int MaxMappings = 50;

    private static readonly CommandParam Duration = new("durationMs", ParamType.WholeNumber, false, 500, 10_000);

    public static IReadOnlyList<CommandAction> Actions { get; } =
    [
        new("confetti", "A burst of confetti over the stream.",
            [new("color", ParamType.Color, false), new("intensity", ParamType.WholeNumber, false, 1, 5), Duration],
            """{"intensity":3}"""),
        new("spotlight-message", "A message in large type over the stream.",
            [new("text", ParamType.Text, true, 1, 120), Duration],
            """{"text":"Thank you!"}"""),
        new("theme-flash", "The stream's accent colour flashes.",
            [new("color", ParamType.Color, true), Duration],
            """{"color":"#ff3d71"}"""),
        new("sound-effect", "A short sound on every viewer's page.",
            [new("sound", ParamType.Choice, true, Values: ["airhorn", "applause", "drumroll", "tada", "boing"]), new("volume", ParamType.Number, false, 0, 1)],
            """{"sound":"tada"}"""),
        new("spin-wheel", "A provably fair wheel spin.",
            [new("segments", ParamType.TextList, true, 2, 12)],
            """{"segments":["Shout-out","Dance","Song","Double XP"]}"""),
        new("slow-mo-chat", "The chat scrolls in slow motion for a while.",
            [new("seconds", ParamType.WholeNumber, true, 5, 120)],
            """{"seconds":15}"""),
    ];

    public static CommandAction? Find(string? action) => Actions.FirstOrDefault(a => a.Action == action);

    /// <summary>
    /// Checks a configuration against the whitelist and the catalog; returns it normalised (parameters
    /// re-serialised from their checked values) or the field errors.
    /// </summary>
    public static (CommandGiftConfig? Config, Dictionary<string, string[]> Errors) Validate(
        IReadOnlyList<(string? GiftCode, string? Action, JsonElement? Params)> mappings,
        IReadOnlyDictionary<string, int>? cooldowns,
        Func<string, Gift?> findGift)
    {
        var errors = new Dictionary<string, string[]>();
        var result = new List<CommandMapping>();
        if (mappings.Count > MaxMappings)
        {
            errors["mappings"] = [$"At most {MaxMappings} mappings."];
        }

        var seen = new HashSet<string>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var (giftCode, actionName, parameters) = mappings[i];
            var at = $"mappings[{i}]";
            var gift = giftCode is null ? null : findGift(giftCode);
            if (gift is null || !gift.Active)
            {
                errors[$"{at}.giftCode"] = ["No active gift has this code."];
            }
            else if (!seen.Add(gift.Code))
            {
                errors[$"{at}.giftCode"] = ["This gift is mapped twice."];
            }

            var action = Find(actionName);
            if (action is null)
            {
                errors[$"{at}.action"] = [$"The action is one of {string.Join(", ", Actions.Select(a => a.Action))}."];
                continue;
            }

            var json = CheckParams(action, parameters, $"{at}.params", errors);
            if (json is not null && gift is not null)
            {
                result.Add(new CommandMapping(gift.Code, action.Action, json));
            }
        }

        var checkedCooldowns = new Dictionary<string, int>();
        foreach (var (action, seconds) in cooldowns ?? new Dictionary<string, int>())
        {
            if (Find(action) is null)
            {
                errors[$"cooldowns.{action}"] = ["No such action."];
            }
            else if (seconds is < 0 or > MaxCooldownSeconds)
            {
                errors[$"cooldowns.{action}"] = [$"A cooldown is 0–{MaxCooldownSeconds} seconds."];
            }
            else
            {
                checkedCooldowns[action] = seconds;
            }
        }

        return errors.Count > 0 ? (null, errors) : (new CommandGiftConfig(result, checkedCooldowns), errors);
    }

    /// <summary>The checked parameters as a JSON object string, or null (with errors added).</summary>
    public static string? CheckParams(CommandAction action, JsonElement? parameters, string at, Dictionary<string, string[]> errors)
    {
        var output = new JsonObject();
        var before = errors.Count;
        if (parameters is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            errors[at] = ["The parameters are a JSON object."];
            return null;
        }

        if (parameters is { } json && JsonInput.FindProblem(json, at) is { } unreadable)
        {
            errors[unreadable.Path] = [unreadable.Problem];
            return null;
        }

        var given = parameters is { ValueKind: JsonValueKind.Object } p
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value)
            : [];
        foreach (var name in given.Keys.Where(n => action.Params.All(x => x.Name != n)))
        {
            errors[$"{at}.{name}"] = [$"'{action.Action}' has no parameter '{name}'."];
        }

        foreach (var param in action.Params)
        {
            var field = $"{at}.{param.Name}";
            if (!given.TryGetValue(param.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (param.Required)
                {
                    errors[field] = ["Required."];
                }

                continue;
            }

            var node = CheckValue(param, value, out var problem);
            if (problem is not null)
            {
                errors[field] = [problem];
            }
            else
            {
                output[param.Name] = node;
            }
        }

        return errors.Count > before ? null : output.ToJsonString();
    }

    private static JsonNode? CheckValue(CommandParam param, JsonElement value, out string? problem)
    {
        problem = null;
        switch (param.Type)
        {
            case ParamType.Color when value.ValueKind == JsonValueKind.String && ColorPattern().IsMatch(value.GetString()!):
                return JsonValue.Create(value.GetString()!.ToLowerInvariant());
            case ParamType.Color:
                problem = "A colour is #rrggbb.";
                return null;
            case ParamType.WholeNumber when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && InRange(param, i):
                return JsonValue.Create(i);
            case ParamType.Number when value.ValueKind == JsonValueKind.Number && InRange(param, value.GetDouble()):
                return JsonValue.Create(value.GetDouble());
            case ParamType.WholeNumber or ParamType.Number:
                problem = $"A number from {param.Min?.ToString(CultureInfo.InvariantCulture)} to {param.Max?.ToString(CultureInfo.InvariantCulture)}.";
                return null;
            case ParamType.Text when value.ValueKind == JsonValueKind.String && InputText.TryClean(value.GetString(), int.MaxValue, out var text) && InRange(param, text.Length):
                return JsonValue.Create(text);
            case ParamType.Text:
                problem = $"Text of {param.Min}–{param.Max} characters with something visible.";
                return null;
            case ParamType.Choice when value.ValueKind == JsonValueKind.String && param.Values!.Contains(value.GetString()!):
                return JsonValue.Create(value.GetString());
            case ParamType.Choice:
                problem = $"One of {string.Join(", ", param.Values!)}.";
                return null;
            case ParamType.TextList when value.ValueKind == JsonValueKind.Array:
                var items = value.EnumerateArray().ToList();
                if (!InRange(param, items.Count)
                    || items.Any(x => x.ValueKind != JsonValueKind.String || !InputText.TryClean(x.GetString(), 40, out _)))
                {
                    problem = $"{param.Min}–{param.Max} labels of 1–40 characters.";
                    return null;
                }

                return new JsonArray([.. items.Select(x => (JsonNode?)JsonValue.Create(InputText.Strip(x.GetString())))]);
            default:
                problem = $"{param.Min}–{param.Max} labels of 1–40 characters.";
                return null;
        }
    }

    private static bool InRange(CommandParam param, double value) =>
        (param.Min is null || value >= param.Min) && (param.Max is null || value <= param.Max);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
