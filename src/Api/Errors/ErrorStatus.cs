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
        ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The problem <c>type</c> URI of a code.</summary>
    public static string TypeOf(string code) => $"https://livestreamx.dev/errors/{code}";
}
