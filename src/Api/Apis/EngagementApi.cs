using System.Text.Json;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Mood;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Polls and the audience's mood, for clients that are not on the hub.</summary>
public static class EngagementApi
{
    public static IEndpointRouteBuilder MapEngagementApi(this IEndpointRouteBuilder app)
    {
        var streams = app.MapGroup("/api/streams/{id}").WithTags("Engagement");
        streams.MapGet("/poll", GetPollAsync).WithSummary("The open poll, or the last closed one.");
        streams.MapGet("/mood", GetMoodAsync).WithSummary("The mood now and the exact reaction totals.");
        streams.MapPut("/mood-theme", SetThemeAsync).RequireAuthorization();
        streams.MapGet("/questions", QuestionsAsync).WithSummary("Open questions by upvotes, then the answered ones.");
        streams.MapGet("/challenge", ChallengeAsync).WithSummary("The running or last challenge.");
        streams.MapGet("/moments", MomentsAsync).WithSummary("Highlight moments, newest first.");
        streams.MapGet("/overlay", OverlayAsync);
        streams.MapPut("/overlay", SetOverlayAsync).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<Poll>, NotFound>> GetPollAsync(string id, IGrainFactory grains)
    {
        await grains.ExistingStreamAsync(id);
        var poll = await grains.Get<IPollGrain>(id).GetAsync();
        return poll is null ? TypedResults.NotFound() : TypedResults.Ok(poll);
    }

    private static async Task<Ok<MoodSnapshot>> GetMoodAsync(string id, IGrainFactory grains)
    {
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IMoodGrain>(id).GetAsync());
    }

    private static async Task<Ok<MoodSnapshot>> SetThemeAsync(string id, MoodThemeRequest request, HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        var enabled = request.Enabled ?? throw DomainException.InvalidInput("enabled", "Send { enabled: true | false }.");
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IMoodGrain>(id).SetThemeAsync(actor, enabled));
    }

    private static async Task<Ok<IReadOnlyList<Question>>> QuestionsAsync(string id, IGrainFactory grains)
    {
        await grains.ExistingStreamAsync(id);
        return TypedResults.Ok(await grains.Get<IQaGrain>(id).ListAsync());
    }

    private static async Task<Results<Ok<ChallengeView>, NotFound>> ChallengeAsync(string id, IGrainFactory grains)
    {
        var challenge = await (await grains.ExistingStreamAsync(id)).GetChallengeAsync();
        return challenge is null ? TypedResults.NotFound() : TypedResults.Ok(ChallengeView.Of(challenge));
    }

    private static async Task<Ok<IReadOnlyList<Moment>>> MomentsAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await (await grains.ExistingStreamAsync(id)).GetMomentsAsync());

    private static async Task<Ok<OverlayLayout>> OverlayAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await (await grains.ExistingStreamAsync(id)).GetOverlayAsync());

    private static async Task<Ok<OverlayLayout>> SetOverlayAsync(string id, JsonElement body, HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        var (layout, errors) = OverlayRules.Parse(body);
        if (layout is null)
        {
            throw DomainException.InvalidInput(errors);
        }

        return TypedResults.Ok(await (await grains.ExistingStreamAsync(id)).SetOverlayAsync(actor, layout));
    }

}

/// <summary>The body of <c>PUT /api/streams/{id}/mood-theme</c>.</summary>
public sealed record MoodThemeRequest(bool? Enabled);
