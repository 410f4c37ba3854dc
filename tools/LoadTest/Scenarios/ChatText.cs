using System.Globalization;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// The text of a load chat message, <c>lt:&lt;intended send time, µs since the epoch&gt;:&lt;sender&gt;:&lt;n&gt;</c>:
/// the only free field of a chat message carries its send time to every receiver.
/// </summary>
public static class ChatText
{
    private const string Prefix = "lt:";

    public static string Format(long intendedMicros, int sender, long n) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{intendedMicros}:{sender}:{n}");

    public static bool TryParse(string? text, out long intendedMicros)
    {
        intendedMicros = 0;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        return colon > 0 && long.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out intendedMicros);
    }
}
