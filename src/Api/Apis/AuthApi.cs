using LiveStreamX.Api.Errors;
using LiveStreamX.Api.Hosting;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Progression;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Apis;

/// <summary>Signing in, and who am I.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Identity");
        auth.MapPost("/dev-login", DevLoginAsync)
            .WithSummary("Development sign-in by handle: creates the user on first use; sets the refresh cookie. Off unless LSX__Auth__DevLogin (on by default in embedded mode).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        app.MapGet("/api/me", GetMeAsync).WithTags("Identity").RequireAuthorization();
        app.MapGet("/api/me/progress", GetMyProgressAsync).WithTags("Progression").RequireAuthorization()
            .WithSummary("My XP, level, badges and creator level.");
        app.MapGet("/api/users/{id}/progress", GetProgressAsync).WithTags("Progression").WithSummary("A user's public level and badges.");
        return app;
    }

    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> DevLoginAsync(
        DevLoginRequest request, HttpContext http, IGrainFactory grains, SessionService sessions, IOptions<AuthOptions> auth, IOptions<ApiOptions> api)
    {
        if (!auth.Value.DevLoginOn(api.Value.Mode))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Development sign-in is off on this server (LSX__Auth__DevLogin).",
                type: ErrorStatus.TypeOf(ErrorCodes.NotFound));
        }

        var errors = new Dictionary<string, string[]>();
        if (!Handles.IsValid(request.Handle))
        {
            errors["handle"] = [Handles.Rule];
        }

        // Admins are never made here: an admin token comes from the operator's configuration.
        if (!LiveClaims.TryParseRole(request.Role, out var role) || role == Role.Admin)
        {
            errors["role"] = ["The role is 'viewer' or 'creator'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: ErrorStatus.TypeOf(ErrorCodes.InvalidInput));
        }

        var user = await grains.Get<IHandleGrain>(Handles.Normalize(request.Handle!)).ClaimAsync(request.Handle!, role);
        return TypedResults.Ok(await sessions.StartSessionAsync(http, user, SignInMethods.Dev));
    }

    private static async Task<Results<Ok<Progress>, NotFound>> GetMyProgressAsync(HttpContext http, IGrainFactory grains) =>
        http.User.ToActor() is { } actor ? TypedResults.Ok(await grains.Get<IProgressionGrain>(actor.UserId).GetAsync()) : TypedResults.NotFound();

    private static async Task<Results<Ok<PublicProgress>, NotFound>> GetProgressAsync(string id, IGrainFactory grains)
    {
        var profile = id.Length <= 64 ? await grains.Get<IUserGrain>(id).GetProfileAsync() : null;
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var progress = await grains.Get<IProgressionGrain>(id).GetAsync();
        return TypedResults.Ok(new PublicProgress(profile.Id, profile.Handle, progress.Level, progress.Xp, progress.Badges, progress.CreatorLevel));
    }

    private static async Task<Results<Ok<UserView>, NotFound>> GetMeAsync(HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor();
        var profile = actor is null ? null : await grains.Get<IUserGrain>(actor.UserId).GetProfileAsync();
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(UserView.From(profile));
    }
}

/// <summary>What anyone may see of a user's progression.</summary>
public sealed record PublicProgress(string UserId, string Handle, int Level, long Xp, IReadOnlyList<string> Badges, int CreatorLevel);

/// <summary>The body of <c>POST /api/auth/dev-login</c>.</summary>
public sealed record DevLoginRequest(string? Handle, string? Role);

/// <summary>A user on the wire: roles as lower-case words.</summary>
public sealed record UserView(string Id, string Handle, string Role, DateTimeOffset CreatedAt)
{
    public static UserView From(UserProfile user) => new(user.Id, user.Handle, user.Role.ToWire(), user.CreatedAt);
}

/// <summary>The answer to a sign-in or a refresh: a short access token (the refresh token travels in its cookie).</summary>
public sealed record SignedIn(string AccessToken, DateTimeOffset ExpiresAt, UserView User);
