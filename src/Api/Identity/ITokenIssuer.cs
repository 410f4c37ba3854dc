using LiveStreamX.Users;

namespace LiveStreamX.Api.Identity;

/// <summary>Turns a signed-in user into an access token, whatever way they signed in (dev login today, OAuth later).</summary>
public interface ITokenIssuer
{
    AccessToken Issue(UserProfile user);
}

/// <summary>A bearer token and when it stops working.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
