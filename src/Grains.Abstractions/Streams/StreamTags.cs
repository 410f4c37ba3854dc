using LiveStreamX.Common;

namespace LiveStreamX.Streams;

/// <summary>A stream's optional tags: a few short lower-case words that discovery matches a viewer's interests on.</summary>
public static class StreamTags
{
    public const int Max = 5;
    public const int MaxLength = 24;

    public const string Rule = "Up to 5 tags, each 1–24 letters, digits, '-' or '_'.";

    /// <summary>The tags trimmed, lower-cased and without repeats; <c>invalid_input</c> on <c>tags</c> when they break <see cref="Rule"/>.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string?>? tags)
    {
        if (tags is null)
        {
            return [];
        }

        var normalized = new List<string>();
        foreach (var raw in tags)
        {
            var tag = (raw ?? string.Empty).Trim().ToLowerInvariant();
            if (tag.Length is 0 or > MaxLength || !tag.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                throw DomainException.InvalidInput("tags", Rule);
            }

            if (!normalized.Contains(tag))
            {
                normalized.Add(tag);
            }
        }

        return normalized.Count <= Max ? normalized : throw DomainException.InvalidInput("tags", Rule);
    }
}
