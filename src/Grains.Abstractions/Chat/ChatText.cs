using System.Text;
using LiveStreamX.Common;

namespace LiveStreamX.Chat;

/// <summary>The chat text rule: control characters removed, trimmed, 1–500 characters.</summary>
public static class ChatText
{
    public const int MaxLength = 500;

    /// <summary>The text as it will be shown, or a <see cref="DomainException"/> with <c>invalid_input</c>.</summary>
    public static string Normalize(string? text)
    {
        if (text is null)
        {
            throw DomainException.InvalidInput("text", "A chat message needs text.");
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Bidirectional overrides go too: they can make a message read as something else.
            // Other format characters stay: emoji sequences are joined by U+200D.
            if (!char.IsControl(c) && !IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim();
        if (clean.Length == 0)
        {
            throw DomainException.InvalidInput("text", "A chat message needs text.");
        }

        if (clean.Length > MaxLength)
        {
            throw DomainException.InvalidInput("text", $"A chat message is at most {MaxLength} characters.");
        }

        return clean;
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
