namespace LiveStreamX.Common;

/// <summary>The stable error codes clients match on, over HTTP (ProblemDetails) and SignalR (HubException).</summary>
public static class ErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string InvalidTransition = "invalid_transition";
    public const string Conflict = "conflict";
    public const string NotLive = "not_live";
    public const string RateLimited = "rate_limited";
    public const string InsufficientFunds = "insufficient_funds";
    public const string Unavailable = "unavailable";

    /// <summary>A chat message with a blocked term, dropped.</summary>
    public const string Blocked = "blocked";

    /// <summary>A chat message with a blocked term, held for a moderator's review.</summary>
    public const string Held = "held";

    /// <summary>A VOD asked for while its stream is scheduled or live.</summary>
    public const string StillLive = "still_live";

    /// <summary>A VOD asked for after its stream ended, before its archive is written.</summary>
    public const string VodNotReady = "vod_not_ready";
    /// <summary>No LiveKit server is configured: streams are chat streams, without live video.</summary>
    public const string MediaNotConfigured = "media_not_configured";

    /// <summary>An upload larger than the limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>A file that is not one of the media types taken (sniffed from its bytes).</summary>
    public const string UnsupportedMedia = "unsupported_media";

    /// <summary>An upload completed before every chunk arrived.</summary>
    public const string UploadIncomplete = "upload_incomplete";

    /// <summary>A segment queued before it is ready to play.</summary>
    public const string SegmentNotReady = "segment_not_ready";

    /// <summary>Gifting is frozen: a refund left the balance below zero, or a payment dispute is open.</summary>
    public const string Frozen = "frozen";

    /// <summary>A feature whose settings are not given (Stripe purchases and payouts without keys).</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>A webhook whose signature does not verify (forged, tampered, stale, or signed with another secret).</summary>
    public const string InvalidSignature = "invalid_signature";
}
