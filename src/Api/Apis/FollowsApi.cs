using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Following creators: follow, unfollow, and the creators I follow with their live streams.</summary>
public static class FollowsApi
{
    public static IEndpointRouteBuilder MapFollowsApi(this IEndpointRouteBuilder app)
    {
        var follow = app.MapGroup("/api/users/{id}/follow").WithTags("Follows").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        follow.MapPost("/", FollowAsync)
            .WithSummary("Follows a user (idempotent): their go-lives reach my connections as stream:live, and their streams rank higher for me.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        follow.MapDelete("/", UnfollowAsync)
            .WithSummary("Stops following a user (idempotent).");

        app.MapGet("/api/me/following", FollowingAsync).WithTags("Follows").RequireAuthorization()
            .WithSummary("The creators I follow, newest first, each with their follower count and the streams they have live now.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Ok<FollowChange>> FollowAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var me = RequireActor(http);
        var creator = await UsersApi.RequireUserAsync(id, grains);
        return TypedResults.Ok(await grains.Get<IFollowsGrain>(me.UserId).FollowAsync(creator.Id, creator.Handle));
    }

    private static async Task<Ok<FollowChange>> UnfollowAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var me = RequireActor(http);
        var creator = await UsersApi.RequireUserAsync(id, grains);
        return TypedResults.Ok(await grains.Get<IFollowsGrain>(me.UserId).UnfollowAsync(creator.Id));
    }

    private static async Task<Ok<IReadOnlyList<FollowingView>>> FollowingAsync(HttpContext http, IGrainFactory grains)
    {
        var me = RequireActor(http);
        var followed = await grains.Get<IFollowsGrain>(me.UserId).ListAsync();
        var audiences = await Task.WhenAll(followed.Select(f => grains.Get<IFollowersGrain>(f.CreatorId).GetAsync()));
        IReadOnlyList<FollowingView> list =
        [
            .. followed.Zip(audiences, (f, a) => new FollowingView(f.CreatorId, f.CreatorHandle, f.Since, a.Followers, a.Live.Count > 0, a.Live)),
        ];
        return TypedResults.Ok(list);
    }

    /// <summary>How many follow the user and how many they follow, for their profile.</summary>
    public static async Task<FollowCounts> CountsAsync(IGrainFactory grains, string userId)
    {
        var followers = grains.Get<IFollowersGrain>(userId).GetAsync();
        var following = grains.Get<IFollowsGrain>(userId).CountAsync();
        return new FollowCounts((await followers).Followers, await following);
    }

    private static Actor RequireActor(HttpContext http) =>
        http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
}

/// <summary>A creator I follow: since when, their follower count, and their streams live now (<c>live</c> when any).</summary>
public sealed record FollowingView(
    string CreatorId, string CreatorHandle, DateTimeOffset Since, int Followers, bool Live, IReadOnlyList<LiveStreamRef> LiveStreams);

/// <summary>A user's follower and following counts.</summary>
public sealed record FollowCounts(int Followers, int Following);
