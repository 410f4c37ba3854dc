using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveStreamX.Common;
using LiveStreamX.Streams;

namespace LiveStreamX.Engagement;

/// <summary>The creator's theme: a preset and two accent colours.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ThemeSettings")]
public sealed record ThemeSettings(
    [property: Id(0)] string Preset,
    [property: Id(1)] string? Accent,
    [property: Id(2)] string? Accent2);

/// <summary>One overlay widget; which fields apply depends on <see cref="Kind"/>.</summary>
[GenerateSerializer, Immutable, Alias("lsx.OverlayWidget")]
public sealed record OverlayWidget(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] double X,
    [property: Id(3)] double Y,
    [property: Id(4)] double Width,
    [property: Id(5)] double Height,
    [property: Id(6)] string? Text = null,
    [property: Id(7)] string? Label = null,
    [property: Id(8)] string? Src = null,
    [property: Id(9)] long? Current = null,
    [property: Id(10)] long? Target = null,
    [property: Id(11)] DateTimeOffset? EndsAt = null);

/// <summary>A stream's live customization: theme, video filter, background and widgets, drawn in list order.</summary>
[GenerateSerializer, Immutable, Alias("lsx.OverlayLayout")]
public sealed record OverlayLayout(
    [property: Id(0)] ThemeSettings Theme,
    [property: Id(1)] string VideoFilter,
    [property: Id(2)] string? Background,
    [property: Id(3)] IReadOnlyList<OverlayWidget> Widgets)
{
    public static readonly OverlayLayout Default = new(new ThemeSettings("default", null, null), "none", null, []);
}

/// <summary>The creator changed the stream's look.</summary>
[GenerateSerializer, Immutable, Alias("lsx.OverlayUpdated")]
public sealed record OverlayUpdated : StreamEvent
{
    public override string Type => EventNames.OverlayUpdate;

    [Id(0)] public required OverlayLayout Layout { get; init; }
}

/// <summary>
/// The schema of overlay layouts. Only whitelisted fields with the right types and bounds pass, so no script,
/// markup or foreign URL scheme reaches viewers' pages.
/// </summary>
public static partial class OverlayRules
{
    public static readonly IReadOnlyList<string> Presets = ["default", "neon", "sunset", "forest", "mono"];
    public static readonly IReadOnlyList<string> VideoFilters = ["none", "vivid", "warm", "cool", "noir", "vintage"];
    public static readonly IReadOnlyList<string> WidgetKinds = ["banner", "image", "goal", "countdown"];
    public const int MaxWidgets = 8;

    private static readonly string[] LayoutFields = ["theme", "videoFilter", "background", "widgets"];
    private static readonly string[] ThemeFields = ["preset", "accent", "accent2"];
    private static readonly Dictionary<string, string[]> WidgetFields = new()
    {
        ["banner"] = ["id", "kind", "x", "y", "width", "height", "text"],
        ["image"] = ["id", "kind", "x", "y", "width", "height", "src"],
        ["goal"] = ["id", "kind", "x", "y", "width", "height", "label", "current", "target"],
        ["countdown"] = ["id", "kind", "x", "y", "width", "height", "label", "endsAt"],
    };

    /// <summary>Reads a layout from JSON, refusing unknown fields and wrong types; returns it checked, or the field errors.</summary>
    public static (OverlayLayout? Layout, Dictionary<string, string[]> Errors) Parse(JsonElement json)
    {
        var errors = new Dictionary<string, string[]>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors[string.Empty] = ["The layout is a JSON object."];
            return (null, errors);
        }

        if (JsonInput.FindProblem(json) is { } problem)
        {
            errors[problem.Path] = [problem.Problem];
            return (null, errors);
        }

        Unknown(json, LayoutFields, string.Empty, errors);
        var theme = new ThemeSettings("default", null, null);
        if (json.TryGetProperty("theme", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            Unknown(t, ThemeFields, "theme.", errors);
            theme = new ThemeSettings(Str(t, "preset", "theme.", errors) ?? "default", Str(t, "accent", "theme.", errors), Str(t, "accent2", "theme.", errors));
        }
        else if (json.TryGetProperty("theme", out t) && t.ValueKind != JsonValueKind.Null)
        {
            errors["theme"] = ["The theme is an object."];
        }

        var widgets = new List<OverlayWidget>();
        if (json.TryGetProperty("widgets", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var w in list.EnumerateArray())
            {
                var at = $"widgets[{i++}].";
                if (w.ValueKind != JsonValueKind.Object)
                {
                    errors[at.TrimEnd('.')] = ["A widget is an object."];
                    continue;
                }

                var kind = Str(w, "kind", at, errors) ?? string.Empty;
                Unknown(w, WidgetFields.GetValueOrDefault(kind) ?? ["id", "kind", "x", "y", "width", "height"], at, errors);
                widgets.Add(new OverlayWidget(
                    Str(w, "id", at, errors) ?? string.Empty, kind,
                    Num(w, "x", at, errors) ?? -1, Num(w, "y", at, errors) ?? -1, Num(w, "width", at, errors) ?? -1, Num(w, "height", at, errors) ?? -1,
                    Text(w, "text", at, errors), Text(w, "label", at, errors), Str(w, "src", at, errors),
                    Whole(w, "current", at, errors), Whole(w, "target", at, errors), Time(w, "endsAt", at, errors)));
            }
        }
        else if (json.TryGetProperty("widgets", out list) && list.ValueKind != JsonValueKind.Null)
        {
            errors["widgets"] = ["The widgets are a list."];
        }

        var layout = new OverlayLayout(theme, Str(json, "videoFilter", string.Empty, errors) ?? "none", Str(json, "background", string.Empty, errors), widgets);
        foreach (var (field, messages) in Check(layout))
        {
            errors.TryAdd(field, messages);
        }

        return errors.Count > 0 ? (null, errors) : (layout, errors);
    }

    /// <summary>The field errors of a typed layout (values, lengths, colours, URLs); empty when it is fine.</summary>
    public static Dictionary<string, string[]> Check(OverlayLayout layout)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Presets.Contains(layout.Theme.Preset))
        {
            errors["theme.preset"] = [$"One of {string.Join(", ", Presets)}."];
        }

        foreach (var (name, value) in new[] { ("theme.accent", layout.Theme.Accent), ("theme.accent2", layout.Theme.Accent2) })
        {
            if (value is not null && !ColorPattern().IsMatch(value))
            {
                errors[name] = ["A colour is #rrggbb."];
            }
        }

        if (!VideoFilters.Contains(layout.VideoFilter))
        {
            errors["videoFilter"] = [$"One of {string.Join(", ", VideoFilters)}."];
        }

        if (layout.Background is not null && !IsSafeImage(layout.Background))
        {
            errors["background"] = ["An https:// URL or a path under /assets/."];
        }

        if (layout.Widgets.Count > MaxWidgets)
        {
            errors["widgets"] = [$"At most {MaxWidgets} widgets."];
        }

        var ids = new HashSet<string>();
        for (var i = 0; i < layout.Widgets.Count; i++)
        {
            var w = layout.Widgets[i];
            var at = $"widgets[{i}].";
            if (!IdPattern().IsMatch(w.Id) || !ids.Add(w.Id))
            {
                errors[at + "id"] = ["A unique id of 1–32 letters, digits, '_' or '-'."];
            }

            if (!WidgetKinds.Contains(w.Kind))
            {
                errors[at + "kind"] = [$"One of {string.Join(", ", WidgetKinds)}."];
            }

            foreach (var (name, value) in new[] { ("x", w.X), ("y", w.Y), ("width", w.Width), ("height", w.Height) })
            {
                if (value is < 0 or > 100 || double.IsNaN(value))
                {
                    errors[at + name] = ["A percentage from 0 to 100."];
                }
            }

            switch (w.Kind)
            {
                case "banner" when !IsCleanText(w.Text, 140):
                    errors[at + "text"] = ["Text of 1–140 characters with something visible."];
                    break;
                case "image" when w.Src is null || !IsSafeImage(w.Src):
                    errors[at + "src"] = ["An https:// URL or a path under /assets/."];
                    break;
                case "goal" or "countdown" when !IsCleanText(w.Label, 60):
                    errors[at + "label"] = ["A label of 1–60 characters with something visible."];
                    break;
                case "goal" when w.Target is not >= 1 || w.Current is not >= 0:
                    errors[at + "target"] = ["A goal has a current of 0 or more and a target of 1 or more."];
                    break;
                case "countdown" when w.EndsAt is null:
                    errors[at + "endsAt"] = ["When the countdown ends."];
                    break;
            }
        }

        return errors;
    }

    private static bool IsSafeImage(string url) =>
        (url.StartsWith("/assets/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal) && url.Length <= 300)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url.Length <= 500);

    // A typed layout (not only a parsed one) must hold text as InputText cleans it.
    private static bool IsCleanText(string? text, int maxLength) => InputText.TryClean(text, maxLength, out var clean) && clean == text;

    private static string? Text(JsonElement obj, string name, string at, Dictionary<string, string[]> errors) =>
        Str(obj, name, at, errors) is { } text ? InputText.Strip(text) : null;

    private static void Unknown(JsonElement obj, string[] allowed, string at, Dictionary<string, string[]> errors)
    {
        foreach (var p in obj.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors[at + p.Name] = ["Not a field of the layout."];
        }
    }

    private static string? Str(JsonElement obj, string name, string at, Dictionary<string, string[]> errors)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            errors[at + name] = ["Text expected."];
            return null;
        }

        return v.GetString()!.Trim();
    }

    private static double? Num(JsonElement obj, string name, string at, Dictionary<string, string[]> errors)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number)
        {
            errors[at + name] = ["A number expected."];
            return null;
        }

        return v.GetDouble();
    }

    private static long? Whole(JsonElement obj, string name, string at, Dictionary<string, string[]> errors)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n))
        {
            errors[at + name] = ["A whole number expected."];
            return null;
        }

        return n;
    }

    private static DateTimeOffset? Time(JsonElement obj, string name, string at, Dictionary<string, string[]> errors)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            errors[at + name] = ["An ISO 8601 time expected."];
            return null;
        }

        return time;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex IdPattern();
}
