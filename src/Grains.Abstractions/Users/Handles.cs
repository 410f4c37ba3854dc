using System.Text.RegularExpressions;

namespace LiveStreamX.Users;

/// <summary>The rule for handles: 3–24 characters of letters, digits and '_', unique regardless of case.</summary>
public static partial class Handles
{
    public const int MinLength = 3;
    public const int MaxLength = 24;
    public const string Rule = "A handle is 3–24 characters of letters, digits and '_'.";

    public static bool IsValid(string? handle) => handle is not null && Pattern().IsMatch(handle);

    /// <summary>The key under which a handle is unique.</summary>
    public static string Normalize(string handle) => handle.ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z0-9_]{3,24}$")]
    private static partial Regex Pattern();
}
