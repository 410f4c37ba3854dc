using LiveStreamX.Segments;

namespace LiveStreamX.Api.Media;

/// <summary>Tells a clip's container from its first bytes; the file name and the client's content type are never trusted.</summary>
public static class MediaSniffer
{
    /// <summary>The bytes needed to tell: an ISO-BMFF <c>ftyp</c> box header, or an EBML header naming its doc type.</summary>
    public const int HeadBytes = 64;

    private static ReadOnlySpan<byte> Ftyp => "ftyp"u8;

    private static ReadOnlySpan<byte> QuickTimeBrand => "qt  "u8;

    private static ReadOnlySpan<byte> Ebml => [0x1A, 0x45, 0xDF, 0xA3];

    private static ReadOnlySpan<byte> WebmDocType => "webm"u8;

    /// <summary>MP4 or MOV (<c>ftyp</c> at offset 4, brand <c>qt  </c> for QuickTime), WebM (EBML, doc type <c>webm</c>), else Unknown.</summary>
    public static SegmentContainer Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[4..8].SequenceEqual(Ftyp))
        {
            return head[8..12].SequenceEqual(QuickTimeBrand) ? SegmentContainer.Mov : SegmentContainer.Mp4;
        }

        if (head.Length >= 4 && head[..4].SequenceEqual(Ebml) && head[..Math.Min(head.Length, HeadBytes)].IndexOf(WebmDocType) > 0)
        {
            return SegmentContainer.Webm;
        }

        return SegmentContainer.Unknown;
    }
}
