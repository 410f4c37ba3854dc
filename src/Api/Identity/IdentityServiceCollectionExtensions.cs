using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Identity;

/// <summary>Bearer tokens over HTTP, and the same token in <c>access_token</c> for the hub.</summary>
internal static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddLiveIdentity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= SigningKeyRing.MinLength,
                $"{AuthOptions.Section}:SigningKey must be at least {SigningKeyRing.MinLength} characters.")
            .Validate(o => o.PreviousSigningKeys.All(k => k.Length >= SigningKeyRing.MinLength),
                $"{AuthOptions.Section}:PreviousSigningKeys must each be at least {SigningKeyRing.MinLength} characters.")
            .Validate(o => o.KeyOverlap >= o.AccessTokenLifetime,
                $"{AuthOptions.Section}:KeyOverlap must be at least one access token's lifetime (LSX__Auth__AccessTokenMinutes), or tokens signed just before a rotation would stop working early.")
            .Validate(o => o.KeyRotation > o.KeyLead,
                $"{AuthOptions.Section}:KeyRotation must be longer than two LSX__Auth__KeyRefreshSeconds: a new key is published that long before it signs.")
            .ValidateOnStart();
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService<SigningKeyRefresher>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<AdminBootstrap>();
        services.AddSingleton<SessionService>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IOptions<AuthOptions>>((jwt, keys, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    // Only the key the token's kid names, and only HS256: no kid, an unknown or retired kid, another
                    // algorithm or alg=none all fail.
                    IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid),
                    TryAllIssuerSigningKeys = false,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    NameClaimType = LiveClaims.Name,
                    RoleClaimType = LiveClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents
                {
                    // Browsers cannot put headers on a WebSocket, so SignalR sends the token in the query.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Creator, p => p.RequireAuthenticatedUser().RequireClaim(LiveClaims.Role, "creator", "admin"))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(LiveClaims.Role, "admin"));
        return services;
    }
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Creator = "creator";
    public const string Admin = "admin";
}
