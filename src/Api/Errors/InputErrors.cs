using System.Text.Json;
using System.Text.RegularExpressions;

namespace LiveStreamX.Api.Errors;

/// <summary>
/// Says which input member failed to bind and why, the same way over HTTP and SignalR, from the
/// <see cref="JsonException"/> the serializer threw (its path names the member).
/// </summary>
internal static partial class InputErrors
{
    /// <summary>The member path ("count", "mappings[0].params"; empty for the whole value) and a sentence for a client.</summary>
    public static (string Path, string Reason) Describe(JsonException error)
    {
        var path = error.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..].TrimStart('.') : string.Empty;
        return (path, Reason(error));
    }

    /// <summary><paramref name="path"/> under <paramref name="root"/>: "gift" and "count" make "gift.count".</summary>
    public static string Under(string root, string path) =>
        path.Length == 0 ? root : path.StartsWith('[') ? root + path : $"{root}.{path}";

    /// <summary>The name of the parameter a framework binding message is about ('Failed to bind parameter "int? limit" from "x".').</summary>
    public static string? ParameterOf(string message) => ParameterPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Reason(JsonException error)
    {
        var inner = error.InnerException?.Message ?? string.Empty;
        if (error.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return "A member appears twice.";
        }

        if (inner.Contains("surrogate", StringComparison.OrdinalIgnoreCase) || inner.Contains("UTF-16", StringComparison.Ordinal)
            || inner.Contains("UTF-8", StringComparison.Ordinal))
        {
            return "Text with a broken character (a lone UTF-16 surrogate or invalid UTF-8).";
        }

        if (error.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "A value of the wrong type: numbers are JSON numbers (never strings), texts are strings, lists are arrays.";
        }

        return "Not valid JSON of the documented shape.";
    }

    [GeneratedRegex("parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();
}
