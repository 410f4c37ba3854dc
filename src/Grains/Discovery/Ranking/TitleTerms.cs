using System.Collections.Frozen;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>The content words of a stream title or its tags, lower case, for content similarity.</summary>
public static class TitleTerms
{
    private const int MaxTerms = 8;

    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "the", "and", "for", "with", "you", "your", "our", "are", "but", "not", "all", "any", "can", "from", "this",
        "that", "now", "live", "stream", "streaming", "today", "tonight", "day", "come", "join", "just", "let", "lets",
        "get", "play", "playing", "more", "new", "chill", "chat", "who", "what", "how", "why", "out", "off", "into",
    ], StringComparer.Ordinal);

    /// <summary>Up to eight distinct content words of <paramref name="title"/>, in order.</summary>
    public static string[] Extract(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return [];
        }

        var terms = new List<string>(MaxTerms);
        var span = title.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length && terms.Count < MaxTerms; i++)
        {
            var inWord = i < span.Length && char.IsLetterOrDigit(span[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                AddTerm(terms, span[start..i]);
                start = -1;
            }
        }

        return [.. terms];
    }

    /// <summary>Tags as the ranker compares them: trimmed, lower case, distinct, without a leading '#'.</summary>
    public static string[] NormalizeTags(IEnumerable<string>? tags) =>
        tags is null
            ? []
            : [.. tags.Select(t => t.Trim().TrimStart('#').ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    private static void AddTerm(List<string> terms, ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return;
        }

        var term = word.ToString().ToLowerInvariant();
        if (!StopWords.Contains(term) && !terms.Contains(term))
        {
            terms.Add(term);
        }
    }
}
