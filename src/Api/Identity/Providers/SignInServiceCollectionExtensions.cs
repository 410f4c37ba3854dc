using LiveStreamX.Api.Apis;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LiveStreamX.Api.Identity.Providers;

/// <summary>The OpenIddict client for the configured providers: authorization code with PKCE, one callback per provider.</summary>
internal static class SignInServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLiveSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SignInProviderOptions>().BindConfiguration(SignInProviderOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInProviderOptions>, SignInProviderOptionsValidator>();

        // The providers decide the OpenIddict registrations, which are fixed once the host is built.
        var options = builder.Configuration.GetSection(SignInProviderOptions.Section).Get<SignInProviderOptions>() ?? new();
        var providers = options.Configured().ToList();
        services.AddSingleton<IReadOnlyList<SignInProvider>>(
            [.. providers.Select(p => new SignInProvider(p.Id, p.Settings.DisplayName is { Length: > 0 } name ? name : DefaultName(p.Id)))]);
        if (providers.Count == 0 || options.Errors().Any())
        {
            return builder;
        }

        services.AddSingleton<IConfigureOptions<OpenIddictClientOptions>, OAuthStateKeys>();
        services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow();
            // No token database: state tokens are redeemed once through IOAuthStateGrain instead.
            client.DisableTokenStorage();
            client.AddEventHandler(StateTokenRedeemer.Descriptor);
            client.SetRedirectionEndpointUris([.. providers.Select(p => SignInApi.CallbackPath(p.Id).TrimStart('/'))]);

            // Errors pass through too, so a refused callback gets the API's coded error (or the sign-in page).
            var aspNetCore = client.UseAspNetCore().EnableRedirectionEndpointPassthrough().EnableErrorPassthrough();
            if (options.AllowInsecureHttp)
            {
                // Plain HTTP on loopback: the correlation cookie cannot be Secure, so it cannot be SameSite=None
                // either; Lax still travels with the provider's top-level redirect back.
                aspNetCore.DisableTransportSecurityRequirement().Configure(o =>
                {
                    o.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.CookieBuilder.SameSite = SameSiteMode.Lax;
                });
            }

            client.UseSystemNetHttp().SetProductInformation(typeof(SignInServiceCollectionExtensions).Assembly);
            var web = client.UseWebProviders();
            foreach (var (id, settings) in providers)
            {
                var redirect = SignInApi.CallbackPath(id).TrimStart('/');
                switch (id)
                {
                    case "google":
                        web.AddGoogle(g => g.SetClientId(settings.ClientId!).SetClientSecret(settings.ClientSecret!)
                            .SetRedirectUri(redirect).SetProviderName(id).SetRegistrationId(id).AddScopes(Scopes.Profile));
                        break;
                    case "twitch":
                        web.AddTwitch(t => t.SetClientId(settings.ClientId!).SetClientSecret(settings.ClientSecret!)
                            .SetRedirectUri(redirect).SetProviderName(id).SetRegistrationId(id));
                        break;
                    case "x":
                        web.AddTwitter(x => x.SetClientId(settings.ClientId!).SetClientSecret(settings.ClientSecret!)
                            .SetRedirectUri(redirect).SetProviderName(id).SetRegistrationId(id));
                        break;
                    default:
                        client.AddRegistration(new OpenIddictClientRegistration
                        {
                            Issuer = new Uri(settings.Issuer!, UriKind.Absolute),
                            ProviderName = id,
                            RegistrationId = id,
                            ProviderDisplayName = settings.DisplayName,
                            ClientId = settings.ClientId,
                            ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret,
                            RedirectUri = new Uri(redirect, UriKind.Relative),
                            Scopes = { Scopes.OpenId, Scopes.Profile },
                        });
                        break;
                }
            }
        });
        return builder;
    }

    private static string DefaultName(string id) => id switch
    {
        "google" => "Google",
        "twitch" => "Twitch",
        "x" => "X",
        _ => id,
    };
}

/// <summary>Names each wrong provider setting at start.</summary>
internal sealed class SignInProviderOptionsValidator : IValidateOptions<SignInProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInProviderOptions options) =>
        options.Errors().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
