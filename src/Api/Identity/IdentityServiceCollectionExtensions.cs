using LiveStreamX.Api.Hosting;
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
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= SigningKey.MinLength,
                $"{AuthOptions.Section}:SigningKey must be at least {SigningKey.MinLength} characters.")
            .Validate<IOptions<ApiOptions>>(
                (auth, api) => api.Value.Mode != ApiMode.Client || !string.IsNullOrEmpty(auth.SigningKey),
                $"{AuthOptions.Section}:SigningKey is required in client mode: set LSX__Auth__SigningKey to the same secret of at least {SigningKey.MinLength} characters on every Api node.")
            .ValidateOnStart();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<AuthOptions>>((jwt, key, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = key.Key,
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
