using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Chat;

/// <summary>Chat limits. Section <c>LSX:Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "LSX:Chat";

    /// <summary>Messages a user may send in a burst; the bucket refills at that many per period.</summary>
    [Range(1, 1000)]
    public int RateLimitMessages { get; set; } = 5;

    /// <summary>The period of the rate limit, in seconds.</summary>
    [Range(1, 3600)]
    public int RateLimitPeriodSeconds { get; set; } = 5;

    /// <summary>Chat messages a stream keeps.</summary>
    [Range(50, 10_000)]
    public int HistorySize { get; set; } = 200;

    /// <summary>
    /// Flood control: chat lines a whole stream accepts per second, from all viewers together (the creator and
    /// admins are never held back); beside each user's own bucket.
    /// </summary>
    [Range(1, 100_000)]
    public int StreamMessagesPerSecond { get; set; } = 100;

    /// <summary>The burst a quiet stream's chat accepts at once before <see cref="StreamMessagesPerSecond"/> applies.</summary>
    [Range(1, 100_000)]
    public int StreamBurstMessages { get; set; } = 200;
}
