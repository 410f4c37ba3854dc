using LiveStreamX.Api.Apis;
using LiveStreamX.Api.Errors;
using LiveStreamX.Common;
using LiveStreamX.Identity;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Identity;

/// <summary>
/// Where every sign-in ends (dev-login, each OAuth provider): admin bootstrap, a new session with its refresh cookie,
/// and a short access token. Refresh and sign-out go through here too.
/// </summary>
public sealed partial class SessionService(
    IGrainFactory grains, ITokenIssuer tokens, AdminBootstrap admins, IOptions<AuthOptions> options, ILogger<SessionService> logger)
{
    private const int MaxClientLength = 200;

    /// <summary>
    /// Signs <paramref name="user"/> in: applies admin bootstrap, opens a session, sets the refresh cookie on the
    /// response and returns the access token. <paramref name="method"/> is <see cref="SignInMethods.Dev"/> or the
    /// provider's name; <paramref name="subject"/> the provider's id of the user.
    /// </summary>
    public async Task<SignedIn> StartSessionAsync(HttpContext http, UserProfile user, string method, string? subject = null)
    {
        if (await grains.Get<IUserGrain>(user.Id).GetSuspensionAsync() is { } suspension)
        {
            throw DomainException.Forbidden(Suspended(suspension));
        }

        user = await admins.ApplyAsync(user, method, subject);
        var refresh = RefreshToken.New(user.Id);
        var session = await Sessions(user.Id).StartAsync(
            new SessionStart(refresh.SessionId, refresh.Hash, method, Client(http), options.Value.RefreshTokenLifetime));
        refresh.Write(http, session.ExpiresAt);
        return SignIn(user, refresh.SessionId);
    }

    /// <summary>Rotates the request's refresh cookie and returns a new access token, or a 401 that clears the cookie.</summary>
    public async Task<Results<Ok<SignedIn>, ProblemHttpResult>> RefreshAsync(HttpContext http)
    {
        if (RefreshToken.Read(http) is not { } presented)
        {
            return Refused(http, "No session: sign in.");
        }

        // A suspended account gets no new access token: the one it holds runs out within minutes. The session stays,
        // so it works again when the suspension ends.
        if (await grains.Get<IUserGrain>(presented.UserId).GetSuspensionAsync() is { } suspension)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Suspended", detail: Suspended(suspension), type: ErrorStatus.TypeOf(ErrorCodes.Forbidden));
        }

        var next = presented.Next();
        var result = await Sessions(presented.UserId).RotateAsync(
            new SessionRotate(presented.SessionId, presented.Hash, next.Hash, options.Value.RefreshTokenLifetime));
        switch (result.Outcome)
        {
            case RotateOutcome.Rotated:
                break;
            case RotateOutcome.Reused:
                LogReuse(logger, presented.UserId, presented.SessionId);
                return Refused(http, "This sign-in was used twice, so it has been ended everywhere it was used: sign in again.");
            case RotateOutcome.Ended:
                return Refused(http, "This session has ended: sign in again.");
            default:
                return Refused(http, "Unknown session: sign in again.");
        }

        var user = await grains.Get<IUserGrain>(presented.UserId).GetProfileAsync();
        if (user is null)
        {
            return Refused(http, "Unknown user: sign in again.");
        }

        next.Write(http, result.Session!.ExpiresAt);
        return TypedResults.Ok(SignIn(user, next.SessionId));
    }

    /// <summary>Ends the session of the request's refresh cookie, if any, and clears the cookie.</summary>
    public async Task EndSessionAsync(HttpContext http)
    {
        if (RefreshToken.Read(http) is { } token)
        {
            // Only the holder of the session's current token ends it this way: a stale or forged cookie changes nothing.
            await Sessions(token.UserId).RevokeAsync(token.SessionId, token.Hash);
        }

        RefreshToken.Clear(http);
    }

    private static string Suspended(Moderation.Restriction suspension) =>
        suspension.Until is { } until ? $"This account is suspended until {until:u}." : "This account is suspended.";

    private ISessionsGrain Sessions(string userId) => grains.Get<ISessionsGrain>(userId);

    private SignedIn SignIn(UserProfile user, string sessionId)
    {
        var token = tokens.Issue(user, sessionId);
        return new SignedIn(token.Token, token.ExpiresAt, UserView.From(user));
    }

    private static ProblemHttpResult Refused(HttpContext http, string detail)
    {
        RefreshToken.Clear(http);
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: detail, detail: detail, type: ErrorStatus.TypeOf(ErrorCodes.Unauthorized));
    }

    private static string? Client(HttpContext http) =>
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, MaxClientLength)] : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A rotated refresh token of user {UserId} was replayed: session {SessionId} revoked")]
    private static partial void LogReuse(ILogger logger, string userId, string sessionId);
}
