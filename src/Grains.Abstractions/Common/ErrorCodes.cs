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
}
