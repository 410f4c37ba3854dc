using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiveStreamX.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Media;

/// <summary>
/// LiveKit's JWTs, both ways: the access tokens browsers join a room with (HS256 over the API secret, <c>iss</c> = API
/// key, <c>sub</c> = identity, a <c>video</c> grant), and the check of the token LiveKit signs each webhook with,
/// whose <c>sha256</c> claim is the base64 SHA-256 of the body.
/// </summary>
public sealed class LiveKitTokens(IOptions<LiveKitOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly LiveKitOptions _options = options.Value;

    /// <summary>A token for <paramref name="room"/>: publishing (the creator) or subscribing only.</summary>
    public string Issue(string room, string identity, string name, bool canPublish, IReadOnlyDictionary<string, string> metadata)
    {
        var now = time.GetUtcNow();
        var video = new Dictionary<string, object>
        {
            ["room"] = room,
            ["roomJoin"] = true,
            ["canPublish"] = canPublish,
            ["canSubscribe"] = true,
            ["canPublishData"] = false,
            ["roomAdmin"] = false,
        };
        if (canPublish)
        {
            // A camera and a microphone: the go-live page publishes nothing else.
            video["canPublishSources"] = new[] { "camera", "microphone" };
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.ApiKey,
            NotBefore = now.UtcDateTime,
            IssuedAt = now.UtcDateTime,
            Expires = now.AddMinutes(_options.TokenMinutes).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = identity,
                ["name"] = name,
                ["metadata"] = JsonSerializer.Serialize(metadata),
                ["video"] = video,
            },
            SigningCredentials = new SigningCredentials(Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// Whether <paramref name="authorization"/> is a token LiveKit signed for exactly <paramref name="body"/>: our
    /// secret, our key as issuer, in date, and the body's hash.
    /// </summary>
    public async Task<bool> IsSignedWebhookAsync(string? authorization, ReadOnlyMemory<byte> body)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return false;
        }

        // LiveKit sends the bare token; a "Bearer " prefix (a proxy's, or another SDK's) is taken too.
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization.Trim();
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.ApiKey,
            ValidateAudience = false,
            IssuerSigningKey = Key(),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });
        if (!result.IsValid || !result.Claims.TryGetValue("sha256", out var claimed) || claimed is not string presented)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(SHA256.HashData(body.Span)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(presented));
    }

    private SymmetricSecurityKey Key() =>
        new(Encoding.UTF8.GetBytes(_options.ApiSecret ?? throw new DomainException(ErrorCodes.MediaNotConfigured, "No LiveKit server is configured.")));
}
