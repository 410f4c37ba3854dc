using System.Text.Json;

namespace LiveStreamX.Common;

/// <summary>
/// Checks free-form JSON from input (overlay layouts, command parameters) before anything reads it: every name and
/// string must be valid UTF-16 (reading a lone surrogate throws) and no object may repeat a name.
/// </summary>
public static class JsonInput
{
    /// <summary>The most nesting a free-form input may have.</summary>
    public const int MaxDepth = 16;

    /// <summary>The path and reason of the first problem, or null when the JSON is fine to read.</summary>
    public static (string Path, string Problem)? FindProblem(JsonElement json, string path = "") => Walk(json, path, 0);

    private static (string Path, string Problem)? Walk(JsonElement json, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return (path, $"Nested more than {MaxDepth} levels.");
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.String when !IsReadable(json):
                return (path, "Text with a broken character (a lone UTF-16 surrogate).");
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{i++}]", depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in json.EnumerateObject())
                {
                    if (!IsReadableName(property))
                    {
                        return (path, "A name with a broken character (a lone UTF-16 surrogate).");
                    }

                    var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!names.Add(property.Name))
                    {
                        return (at, "This name appears twice.");
                    }

                    if (Walk(property.Value, at, depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // JsonElement has no non-throwing read of a string that escapes a lone surrogate.
    private static bool IsReadable(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsReadableName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
