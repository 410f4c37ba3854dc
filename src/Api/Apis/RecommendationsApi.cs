using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Discovery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Discovery: "For you" (live streams ranked for the viewer, cold start when anonymous) and similar streams.</summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recommendations", RecommendAsync).WithTags("Discovery")
            .WithSummary($"Live streams ranked for me (1–{RecommendationLimits.Max}, default {RecommendationLimits.Default}), each with its reasons; anonymous or new viewers get trending streams with category diversity.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/streams/{id}/similar", SimilarAsync).WithTags("Discovery")
            .WithSummary($"Live streams like this one (1–{RecommendationLimits.Max}, default {RecommendationLimits.DefaultSimilar}): co-watched creators, the same category and tags.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<RecommendationList>> RecommendAsync(int? limit, HttpContext http, IGrainFactory grains)
    {
        var count = RequireLimit(limit, RecommendationLimits.Default);
        var list = http.User.ToActor() is { } actor
            ? await grains.Get<IInterestGrain>(actor.UserId).RecommendAsync(count)
            : await grains.Get<IRecommenderGrain>(0).ColdStartAsync(count);
        return TypedResults.Ok(list);
    }

    private static async Task<Ok<RecommendationList>> SimilarAsync(string id, int? limit, IGrainFactory grains)
    {
        var count = RequireLimit(limit, RecommendationLimits.DefaultSimilar);
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IRecommenderGrain>(0).SimilarAsync(id, count));
    }

    private static int RequireLimit(int? limit, int fallback) => (limit ?? fallback) is var n and >= 1 and <= RecommendationLimits.Max
        ? n
        : throw DomainException.InvalidInput("limit", $"The limit is 1–{RecommendationLimits.Max}.");
}
