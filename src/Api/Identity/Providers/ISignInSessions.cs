using LiveStreamX.Api.Apis;
using LiveStreamX.Users;

namespace LiveStreamX.Api.Identity.Providers;

/// <summary>What every sign-in path ends with: a session for the user (the seam the session service fills).</summary>
public interface ISignInSessions
{
    /// <summary>Starts the user's session; <paramref name="method"/> says how they signed in (e.g. <c>oauth:google</c>).</summary>
    Task<SignedIn> StartSessionAsync(HttpContext http, UserProfile user, string method);
}

/// <summary>Until refresh-token sessions exist: an access token from the node's issuer.</summary>
internal sealed class AccessTokenSignInSessions(ITokenIssuer tokens) : ISignInSessions
{
    public Task<SignedIn> StartSessionAsync(HttpContext http, UserProfile user, string method)
    {
        var token = tokens.Issue(user);
        return Task.FromResult(new SignedIn(token.Token, token.ExpiresAt, UserView.From(user)));
    }
}
