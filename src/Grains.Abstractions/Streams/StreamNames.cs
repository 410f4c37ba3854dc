using System.Text.RegularExpressions;
using LiveStreamX.Common;

namespace LiveStreamX.Streams;

/// <summary>Stream ids: how they are made and what shape they have.</summary>
public static partial class StreamNames
{
    /// <summary>A new stream id: "s_" and 12 hex digits.</summary>
    public static string NewStreamId() => "s_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>True for 1–64 letters, digits, '_' or '-': the shape of every stream id.</summary>
    public static bool IsValidId(string? streamId) => streamId is not null && IdPattern().IsMatch(streamId);

    /// <summary>Throws <c>invalid_input</c> unless <paramref name="streamId"/> has the shape of a stream id.</summary>
    public static void RequireValidId(string? streamId)
    {
        if (!IsValidId(streamId))
        {
            throw DomainException.InvalidInput("streamId", "A stream id is 1–64 letters, digits, '_' or '-'.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
