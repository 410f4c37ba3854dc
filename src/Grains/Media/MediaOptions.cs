using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Media;

/// <summary>How webhooks from LiveKit drive a stream. Section <c>LSX:Media</c> (read by silos).</summary>
public sealed class MediaOptions
{
    public const string Section = "LSX:Media";

    /// <summary>How long a live stream waits for its creator after they left the room before it ends.</summary>
    [Range(1, 3600)]
    public int CreatorGraceSeconds { get; set; } = 60;

    /// <summary>Webhook event ids a stream remembers, so that LiveKit's retries and a second Api node change nothing.</summary>
    [Range(16, 100_000)]
    public int RememberedEvents { get; set; } = 512;
}
