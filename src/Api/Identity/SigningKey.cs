using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Identity;

/// <summary>
/// The key that signs and checks access tokens: configured, or random for this process. Client mode requires a
/// configured one (validated at start): every Api node must accept every other node's tokens.
/// </summary>
public sealed partial class SigningKey
{
    public const int MinLength = 32;

    public SigningKey(IOptions<AuthOptions> options, ILogger<SigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }

        LogRandomKey(logger);
        Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LSX:Auth:SigningKey is not set: signing tokens with a random key; tokens will not survive a restart. Set LSX__Auth__SigningKey for anything but local development.")]
    private static partial void LogRandomKey(ILogger logger);
}
