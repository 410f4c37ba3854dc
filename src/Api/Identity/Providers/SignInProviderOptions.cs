using System.Text.RegularExpressions;

namespace LiveStreamX.Api.Identity.Providers;

/// <summary>
/// The sign-in providers, section <c>LSX:Auth:Providers</c>: <c>Google</c>, <c>Twitch</c> and <c>X</c> by name, any
/// other name an OpenID Connect server (Keycloak, Authentik…) found at its <c>Issuer</c>. A provider without a
/// <c>ClientId</c> is not configured and does not show.
/// </summary>
public sealed partial class SignInProviderOptions
{
    public const string Section = "LSX:Auth";

    /// <summary>The providers LiveStreamX knows by name; any other name is a generic OpenID Connect provider.</summary>
    public static readonly IReadOnlyList<string> WebProviders = ["google", "twitch", "x"];

    public Dictionary<string, SignInProviderSettings> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Allows plain-HTTP callbacks and issuers, for loopback development and tests only.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The configured providers, by their id (the lower-case name), in the order of the settings.</summary>
    public IEnumerable<(string Id, SignInProviderSettings Settings)> Configured() =>
        Providers.Where(p => !string.IsNullOrWhiteSpace(p.Value.ClientId)).Select(p => (p.Key.ToLowerInvariant(), p.Value));

    /// <summary>What is wrong with the settings, each naming the variable to set; empty when they are right.</summary>
    public IEnumerable<string> Errors()
    {
        foreach (var (id, settings) in Configured())
        {
            var name = $"LSX__Auth__Providers__{id}";
            if (!IdPattern().IsMatch(id))
            {
                yield return $"{name}: a provider's name is 1–32 letters, digits or '-'.";
            }

            var web = WebProviders.Contains(id);
            if (web && string.IsNullOrWhiteSpace(settings.ClientSecret))
            {
                yield return $"{name}__ClientSecret is required with its ClientId.";
            }

            if (!web && (!Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer)
                || !(issuer.Scheme == Uri.UriSchemeHttps || (AllowInsecureHttp && issuer.Scheme == Uri.UriSchemeHttp))))
            {
                yield return $"{name}__Issuer must be the https:// address of an OpenID Connect server.";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex IdPattern();
}

/// <summary>One provider's client registration.</summary>
public sealed class SignInProviderSettings
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A generic provider's issuer (its discovery document is read from there).</summary>
    public string? Issuer { get; set; }

    /// <summary>The button's label; the provider's own name when empty.</summary>
    public string? DisplayName { get; set; }
}
