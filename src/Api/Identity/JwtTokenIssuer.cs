using System.Security.Claims;
using LiveStreamX.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Identity;

/// <summary>Issues HS256 JWTs with the claims the hub and the APIs read: sub, name, role.</summary>
public sealed class JwtTokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider time) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(UserProfile user)
    {
        var now = time.GetUtcNow();
        var expires = now.AddHours(options.Value.TokenLifetimeHours);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(LiveClaims.Subject, user.Id),
                new Claim(LiveClaims.Name, user.Handle),
                new Claim(LiveClaims.Role, user.Role.ToWire()),
            ]),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expires);
    }
}
