using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Sessions: refreshing the access token by the refresh cookie, signing out, and a user's list of sessions.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(RefreshToken.CookiePath).WithTags("Identity").AllowAnonymous();
        auth.MapPost("/refresh", (HttpContext http, SessionService sessions) => sessions.RefreshAsync(http))
            .WithSummary("A new access token for the refresh cookie, which is rotated; a replayed cookie ends its session.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        auth.MapPost("/logout", LogoutAsync)
            .WithSummary("Ends the session of the refresh cookie and clears the cookie.");

        var mine = app.MapGroup("/api/me/sessions").WithTags("Identity").RequireAuthorization();
        mine.MapGet("/", ListAsync).WithSummary("My open sessions, most recently used first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        mine.MapDelete("/", SignOutEverywhereAsync).WithSummary("Signs out everywhere: ends every session of mine, this one included.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        mine.MapDelete("/{id}", RevokeAsync).WithSummary("Ends one of my sessions.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, SessionService sessions)
    {
        await sessions.EndSessionAsync(http);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionInfo>>, UnauthorizedHttpResult>> ListAsync(HttpContext http, IGrainFactory grains)
    {
        if (http.User.ToActor() is not { } actor)
        {
            return TypedResults.Unauthorized();
        }

        var current = http.User.FindFirst(LiveClaims.Session)?.Value;
        var open = await grains.Get<ISessionsGrain>(actor.UserId).ListAsync();
        return TypedResults.Ok<IReadOnlyList<SessionInfo>>([.. open.Select(s => SessionInfo.From(s, current))]);
    }

    private static async Task<Results<Ok<SessionsEnded>, UnauthorizedHttpResult>> SignOutEverywhereAsync(HttpContext http, IGrainFactory grains)
    {
        if (http.User.ToActor() is not { } actor)
        {
            return TypedResults.Unauthorized();
        }

        var ended = await grains.Get<ISessionsGrain>(actor.UserId).RevokeAllAsync();
        RefreshToken.Clear(http);
        return TypedResults.Ok(new SessionsEnded(ended));
    }

    private static async Task<Results<NoContent, NotFound, UnauthorizedHttpResult>> RevokeAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (http.User.ToActor() is not { } actor)
        {
            return TypedResults.Unauthorized();
        }

        if (id.Length > 64 || !await grains.Get<ISessionsGrain>(actor.UserId).RevokeAsync(id))
        {
            return TypedResults.NotFound();
        }

        if (id == http.User.FindFirst(LiveClaims.Session)?.Value)
        {
            RefreshToken.Clear(http);
        }

        return TypedResults.NoContent();
    }
}

/// <summary>One of my sessions; <paramref name="Current"/> is the one this access token belongs to.</summary>
public sealed record SessionInfo(string Id, string Method, string? Client, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, bool Current)
{
    public static SessionInfo From(SessionView s, string? current) => new(s.Id, s.Method, s.Client, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Id == current);
}

/// <summary>How many sessions "sign out everywhere" ended.</summary>
public sealed record SessionsEnded(int Ended);
