using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace LiveStreamX.Grains.Observability;

/// <summary>
/// Takes secrets out of what is logged: tokens in query strings (the hub's <c>access_token</c>), anything shaped like
/// a JWT, passwords in connection strings, and the configured value of every setting named like a key, secret,
/// password or token (the signing key, say).
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Redacted = "[redacted]";

    private readonly string[] _secrets;

    public SecretRedactor(IConfiguration configuration)
    {
        // Longest first, so a secret that contains another is replaced whole.
        _secrets = [.. configuration.AsEnumerable()
            .Where(setting => IsSecretName(setting.Key) && setting.Value is { Length: >= 8 })
            .Select(setting => setting.Value!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)];
    }

    /// <summary>The text with every secret it knows of replaced by <see cref="Redacted"/>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = SecretParameter().Replace(text, match => match.Groups["name"].Value + match.Groups["sep"].Value + Redacted);
        return Jwt().Replace(text, Redacted);
    }

    public static bool IsSecretName(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return name.Contains("key", StringComparison.OrdinalIgnoreCase)
            || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("password", StringComparison.OrdinalIgnoreCase)
            || name.Contains("token", StringComparison.OrdinalIgnoreCase);
    }

    // access_token=…, token=…, password=… in query strings and connection strings ("host:6379,password=…").
    [GeneratedRegex(@"(?<name>\b[A-Za-z_]*(?:token|password|secret|key)\b)(?<sep>\s*=\s*)[^&,;\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    // A JWT: three base64url parts, the first two JSON objects ("eyJ").
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();
}
