using LiveStreamX.Media;

namespace LiveStreamX.Api.Media;

/// <summary>
/// Serves the local-folder media store's objects to browsers at the signed, expiring URLs it hands out
/// (<see cref="LocalMediaStore.ReadUrl"/>), with range requests for video seeking. Blob storage needs none of this:
/// browsers read SAS URLs from Azure directly.
/// </summary>
public static class MediaFiles
{
    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        // Outside /api: a player's range requests are not REST calls and must not spend the caller's rate limit; the
        // signature, not a bearer token, authorizes them, so the OpenAPI contract leaves them out.
        app.MapGet(LocalMediaStore.PathPrefix + "/{**key}", Serve).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(string key, long? exp, string? sig, IMediaStore store)
    {
        if (store is not LocalMediaStore local)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Media is served by blob storage, not this node.");
        }

        return local.Authorize(key, exp ?? 0, sig) is { } path
            ? TypedResults.PhysicalFile(path, local.ContentTypeOf(key), enableRangeProcessing: true)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This media link is not valid or has expired.");
    }
}
