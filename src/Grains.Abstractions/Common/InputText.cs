using System.Globalization;
using System.Text;

namespace LiveStreamX.Common;

/// <summary>
/// The one rule for text people type (stream titles, chat, questions, poll texts, overlay and command texts):
/// broken UTF-16 is refused; control and bidirectional-override characters are removed; the rest is trimmed and
/// must show at least one visible character.
/// </summary>
public static class InputText
{
    /// <summary>
    /// The text without control and bidi-override characters, trimmed (possibly empty); null when it is null or
    /// holds a lone surrogate.
    /// </summary>
    public static string? Strip(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return null;
            }

            // Bidirectional overrides go: they can make a text read as something else. Other format characters
            // stay: emoji sequences are joined by U+200D.
            if (!Rune.IsControl(rune) && !IsBidiControl(rune.Value))
            {
                builder.Append(rest[..used]);
            }

            rest = rest[used..];
        }

        return builder.ToString().Trim();
    }

    /// <summary>True when <paramref name="text"/> has a character that draws something (not only spaces, zero-width, format or combining characters).</summary>
    public static bool HasVisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stripped text when it is 1–<paramref name="maxLength"/> characters with something visible.</summary>
    public static bool TryClean(string? text, int maxLength, out string clean)
    {
        clean = Strip(text) ?? string.Empty;
        return clean.Length is > 0 && clean.Length <= maxLength && HasVisible(clean);
    }

    /// <summary>The stripped text, or <c>invalid_input</c> on <paramref name="field"/> with <paramref name="rule"/>.</summary>
    public static string Require(string? text, string field, int maxLength, string rule) =>
        TryClean(text, maxLength, out var clean) ? clean : throw DomainException.InvalidInput(field, rule);

    private static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsVisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => false,
            // Letters that draw nothing: the Hangul fillers and the blank Braille pattern.
            _ => rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800),
        };
}
