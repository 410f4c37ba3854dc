using LiveStreamX.Common;

namespace LiveStreamX.Api.Errors;

/// <summary>The HTTP status of each stable error code.</summary>
public static class ErrorStatus
{
    public static int Of(string code) => code switch
    {
        ErrorCodes.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.InvalidTransition or ErrorCodes.Conflict or ErrorCodes.NotLive => StatusCodes.Status409Conflict,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.InsufficientFunds => StatusCodes.Status402PaymentRequired,
        ErrorCodes.Unavailable or ErrorCodes.MediaNotConfigured => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.Blocked or ErrorCodes.Held => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
        ErrorCodes.UploadIncomplete or ErrorCodes.SegmentNotReady => StatusCodes.Status409Conflict,
        ErrorCodes.Frozen => StatusCodes.Status403Forbidden,
        ErrorCodes.NotConfigured => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.InvalidSignature => StatusCodes.Status400BadRequest,
        ErrorCodes.StillLive or ErrorCodes.VodNotReady => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The code of a refusal the framework answered by status alone (binding, routing, authorization, body size),
    /// so that every 4xx carries one; null for a server error, which must stay visible as a bug.
    /// </summary>
    public static string? CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status402PaymentRequired => ErrorCodes.InsufficientFunds,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ErrorCodes.NotFound,
        StatusCodes.Status409Conflict => ErrorCodes.Conflict,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.Unavailable,
        >= 400 and < 500 => ErrorCodes.InvalidInput,
        _ => null,
    };

    /// <summary>The problem <c>type</c> URI of a code.</summary>
    public static string TypeOf(string code) => $"https://livestreamx.dev/errors/{code}";
}
