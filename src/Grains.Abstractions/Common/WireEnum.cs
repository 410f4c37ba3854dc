using System.Collections.Frozen;
using System.Text.Json;

namespace LiveStreamX.Common;

/// <summary>
/// Enums read from input: only a value's wire name (kebab-case, any letter case) is accepted, never a number or a
/// comma-separated combination, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> both let through.
/// </summary>
public static class WireEnum
{
    /// <summary>The wire name of a value: <c>GiftDebit</c> is "gift-debit".</summary>
    public static string Name<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    /// <summary>The named value <paramref name="text"/> spells, or false.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && Names<T>.ByName.TryGetValue(text, out value);
    }

    /// <summary>The wire names of every value, for error messages.</summary>
    public static string List<T>(params T[] except) where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Where(v => !except.Contains(v)).Select(Name));

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }
}
