using System.Globalization;
using System.Text;
using LiveStreamX.Common;
using LiveStreamX.Moderation;

namespace LiveStreamX.Grains.Moderation;

/// <summary>
/// Finds blocked terms in chat the way people dodge them. Text and terms are brought to one form: accents dropped,
/// one case, look-alike letters and digits folded to one letter (Cyrillic <c>а</c>, Greek <c>ο</c>, <c>0</c>,
/// <c>@</c>, <c>$</c>…), invisible characters removed, stretched letters collapsed (<c>baaad</c> is <c>bad</c>). The text is then cut into words, and a term matches whole words, also when it was
/// spelt in pieces (<c>b a d</c>, <c>b.a.d</c>, <c>ba-d</c>): pieces that start and end on word boundaries are joined.
/// Matching whole words keeps <c>class</c> clear of a term inside it; a trailing <c>*</c> matches word starts.
/// </summary>
public static class TermMatcher
{
    public const int MaxTermLength = 60;
    public const int MaxTerms = 500;
    public const string Rule = "A blocked term is 1–60 characters with at least one letter or digit.";

    // Each entry folds a look-alike to the letter it imitates. 'l', '1', '|' and '!' all read as 'i' here, so the
    // fold loses the difference between them in text and term alike.
    private static readonly Dictionary<char, char> Folds = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['!'] = 'i', ['|'] = 'i', ['l'] = 'i', ['3'] = 'e', ['4'] = 'a', ['@'] = 'a',
        ['5'] = 's', ['$'] = 's', ['7'] = 't', ['+'] = 't', ['8'] = 'b', ['9'] = 'g',
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd', ['ɡ'] = 'g',
        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w',
        // Latin extras decomposition leaves alone
        ['ß'] = 's', ['æ'] = 'a', ['ø'] = 'o', ['đ'] = 'd', ['ł'] = 'i', ['ı'] = 'i',
    };

    private static readonly Dictionary<char, char> Accents = BuildAccents(
        ("àáâãäåāăąǎȁȃȧ", 'a'), ("çćĉċč", 'c'), ("ďḍ", 'd'), ("èéêëēĕėęěȅȇ", 'e'), ("ĝğġģǧ", 'g'), ("ĥħ", 'h'),
        ("ìíîïĩīĭįǐȉȋ", 'i'), ("ĵ", 'j'), ("ķǩ", 'k'), ("ĺļľŀ", 'l'), ("ñńņňŉ", 'n'), ("òóôõöōŏőǒȍȏ", 'o'),
        ("ŕŗřȑȓ", 'r'), ("śŝşšș", 's'), ("ţťŧț", 't'), ("ùúûüũūŭůűųǔȕȗ", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżž", 'z'));

    /// <summary>Checks and cleans a list of terms; the first wrong one is an <c>invalid_input</c> naming its index.</summary>
    public static IReadOnlyList<BlockedTerm> Validate(IReadOnlyList<BlockedTerm>? terms)
    {
        if (terms is null)
        {
            throw DomainException.InvalidInput("terms", "Send { terms: [{ term, action }] }.");
        }

        if (terms.Count > MaxTerms)
        {
            throw DomainException.InvalidInput("terms", $"At most {MaxTerms} blocked terms.");
        }

        var clean = new List<BlockedTerm>(terms.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = InputText.Strip(terms[i]?.Term)?.Trim();
            if (term is null || term.Length is 0 or > MaxTermLength || Words(term.TrimEnd('*')).Count == 0)
            {
                throw DomainException.InvalidInput($"terms[{i}].term", Rule);
            }

            if (!Enum.IsDefined(terms[i].Action))
            {
                throw DomainException.InvalidInput($"terms[{i}].action", "The action is drop or hold.");
            }

            if (seen.Add(Key(term)))
            {
                clean.Add(new BlockedTerm(term, terms[i].Action));
            }
        }

        return clean;
    }

    /// <summary>The first term found in <paramref name="text"/>, hold terms after drop terms; null when none is.</summary>
    public static BlockedTerm? FindFirst(string text, IEnumerable<BlockedTerm> terms)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        BlockedTerm? held = null;
        foreach (var term in terms)
        {
            if (Matches(words, term.Term))
            {
                if (term.Action == TermAction.Drop)
                {
                    return term;
                }

                held ??= term;
            }
        }

        return held;
    }

    /// <summary>Whether <paramref name="term"/> occurs in <paramref name="text"/> after normalisation.</summary>
    public static bool Contains(string text, string term) => Matches(Words(text), term);

    private static bool Matches(IReadOnlyList<string> words, string term)
    {
        var prefix = term.EndsWith('*');
        var target = Collapse(string.Concat(Words(prefix ? term.TrimEnd('*') : term)));
        if (target.Length == 0)
        {
            return false;
        }

        // Join words from each start until the joined letters pass the term's length: the term spelt in pieces
        // (or with the spaces of a phrase) matches, a term inside a longer word does not.
        for (var start = 0; start < words.Count; start++)
        {
            var joined = new StringBuilder();
            for (var end = start; end < words.Count; end++)
            {
                joined.Append(words[end]);
                var collapsed = Collapse(joined.ToString());
                if (collapsed == target || (prefix && collapsed.StartsWith(target, StringComparison.Ordinal)))
                {
                    return true;
                }

                if (!prefix && collapsed.Length > target.Length)
                {
                    break;
                }

                if (prefix && collapsed.Length >= target.Length)
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Words in the folded form: runs of letters after accents, case and look-alikes are folded. A look-alike symbol
    /// (<c>@</c>, <c>$</c>, <c>!</c>…) stands for a letter inside or at the start of a word, not at its end, where it
    /// is punctuation (<c>scam!</c> is <c>scam</c>).
    /// </summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var trailingSymbols = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                // Accents and invisible joiners inside a word keep it whole.
                continue;
            }

            var lower = Base(rune);
            var folded = Folds.TryGetValue(lower, out var f) ? f : lower;
            if (char.IsLetter(folded))
            {
                word.Append(folded);
                trailingSymbols = char.IsLetterOrDigit(lower) ? 0 : trailingSymbols + 1;
            }
            else
            {
                EndWord();
            }
        }

        EndWord();
        return words;

        void EndWord()
        {
            word.Length -= trailingSymbols;
            trailingSymbols = 0;
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>
    /// The letter a character is drawn as, in lower case: accents dropped, full-width, circled and mathematical
    /// letters brought to plain ones. By table rather than Unicode decomposition, which the invariant globalization
    /// this build runs with does not do.
    /// </summary>
    private static char Base(Rune rune)
    {
        var v = rune.Value;
        return v switch
        {
            >= 0xFF01 and <= 0xFF5E => char.ToLowerInvariant((char)(v - 0xFEE0)),
            >= 0x24B6 and <= 0x24CF => (char)('a' + (v - 0x24B6)),
            >= 0x24D0 and <= 0x24E9 => (char)('a' + (v - 0x24D0)),
            // Mathematical bold, italic, script, fraktur, double-struck, sans-serif and monospace letters: runs of 52.
            >= 0x1D400 and <= 0x1D6A3 => (char)('a' + ((v - 0x1D400) % 52 % 26)),
            > 0xFFFF => '\0',
            _ => Accents.TryGetValue(char.ToLowerInvariant((char)v), out var plain) ? plain : char.ToLowerInvariant((char)v),
        };
    }

    private static Dictionary<char, char> BuildAccents(params (string Accented, char Plain)[] groups) =>
        groups.SelectMany(g => g.Accented.Select(c => (c, g.Plain))).ToDictionary(p => p.c, p => p.Plain);

    private static string Key(string term) => (term.EndsWith('*') ? "*" : string.Empty) + Collapse(string.Concat(Words(term.TrimEnd('*'))));

    private static string Collapse(string letters)
    {
        var b = new StringBuilder(letters.Length);
        foreach (var c in letters)
        {
            if (b.Length == 0 || b[^1] != c)
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }
}
