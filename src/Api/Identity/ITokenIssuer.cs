using LiveStreamX.Users;

namespace LiveStreamX.Api.Identity;

/// <summary>Turns a signed-in user into an access token, whatever way they signed in (dev login today, OAuth later).</summary>
public interface ITokenIssuer
{
    /// <summary>A short access token for <paramref name="user"/>, naming the session it belongs to when there is one.</summary>
    AccessToken Issue(UserProfile user, string? sessionId = null);
}

/// <summary>A bearer token and when it stops working.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
