using System.Security.Claims;
using LiveStreamX.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Identity;

/// <summary>Issues HS256 JWTs, with the ring's current <c>kid</c>, carrying the claims the hub and the APIs read: sub, name, role, sid.</summary>
public sealed class JwtTokenIssuer(SigningKeyRing keys, IOptions<AuthOptions> options, TimeProvider time) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(UserProfile user, string? sessionId = null)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.AccessTokenLifetime;
        List<Claim> claims =
        [
            new(LiveClaims.Subject, user.Id),
            new(LiveClaims.Name, user.Handle),
            new(LiveClaims.Role, user.Role.ToWire()),
        ];
        if (sessionId is not null)
        {
            claims.Add(new Claim(LiveClaims.Session, sessionId));
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = keys.Signing,
        });
        return new AccessToken(token, expires);
    }
}
