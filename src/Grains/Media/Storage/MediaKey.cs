using System.Text.RegularExpressions;

namespace LiveStreamX.Media;

/// <summary>Object keys: the same rule for every store, so a key that works locally works on Azure and never escapes a folder.</summary>
public static partial class MediaKey
{
    /// <summary>The most blocks one object may be written in (Azure's own limit is 50,000).</summary>
    public const int MaxBlocks = 50_000;

    /// <summary>Throws unless <paramref name="key"/> is slash-separated segments of lower-case letters, digits, '.', '_' and '-', none of them '.' or '..'.</summary>
    public static string Validate(string key)
    {
        if (key.Length is 0 or > 512 || !Shape().IsMatch(key) || key.Split('/').Any(part => part is "." or ".."))
        {
            throw new ArgumentException($"'{key}' is not a media key.", nameof(key));
        }

        return key;
    }

    /// <summary>Throws unless <paramref name="index"/> is a block index a store accepts.</summary>
    public static int ValidateBlock(int index) => index is >= 0 and < MaxBlocks
        ? index
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"A block index is 0 to {MaxBlocks - 1}.");

    [GeneratedRegex("^[a-z0-9_-][a-z0-9._-]*(/[a-z0-9_-][a-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
