using System.Security.Cryptography;
using System.Text;

namespace LiveStreamX.Api.Identity;

/// <summary>
/// The refresh token: <c>{userId}.{sessionId}.{secret}</c> in an httpOnly, Secure, SameSite=Strict cookie that only
/// the auth endpoints receive. The server keeps only the secret's SHA-256.
/// </summary>
public sealed record RefreshToken(string UserId, string SessionId, string Secret)
{
    public const string CookieName = "lsx_refresh";

    /// <summary>The only path the cookie is sent to: refresh and logout.</summary>
    public const string CookiePath = "/api/auth";

    /// <summary>A new session's id and first token for <paramref name="userId"/>.</summary>
    public static RefreshToken New(string userId) => new(userId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), NewSecret());

    /// <summary>The same session's next token.</summary>
    public RefreshToken Next() => this with { Secret = NewSecret() };

    /// <summary>What the grain stores and compares: the secret's SHA-256 in base64url.</summary>
    public string Hash => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Secret)));

    public override string ToString() => $"{UserId}.{SessionId}.{Secret}";

    /// <summary>The token of the request's cookie, or null when there is none or it is malformed.</summary>
    public static RefreshToken? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || value is not { Length: <= 200 })
        {
            return null;
        }

        var parts = value.Split('.');
        return parts is [var user, var session, var secret]
            && user is { Length: > 0 and <= 64 } && user.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            && session is { Length: 32 } && session.All(char.IsAsciiHexDigitLower)
            && secret is { Length: 43 } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? new RefreshToken(user, session, secret)
            : null;
    }

    /// <summary>Sets the cookie on the response, to expire with the session.</summary>
    public void Write(HttpContext http, DateTimeOffset expiresAt) =>
        http.Response.Cookies.Append(CookieName, ToString(), Options(expiresAt));

    /// <summary>Tells the browser to forget the cookie.</summary>
    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(null));

    private static CookieOptions Options(DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = CookiePath,
        Expires = expiresAt,
        IsEssential = true,
    };

    // 256 bits: guessing one is hopeless, so a plain SHA-256 (no slow hash) is enough to store it.
    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
