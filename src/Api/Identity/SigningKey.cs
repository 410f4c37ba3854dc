using System.Security.Cryptography;
using System.Text;
using LiveStreamX.Api.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Identity;

/// <summary>The key that signs and checks access tokens: configured, or random for this process.</summary>
public sealed partial class SigningKey
{
    public const int MinLength = 32;

    public SigningKey(IOptions<AuthOptions> options, IOptions<ApiOptions> api, ILogger<SigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }

        if (api.Value.Mode == ApiMode.Client)
        {
            // Every Api node of a cluster must accept every other node's tokens.
            throw new OptionsValidationException(
                AuthOptions.Section,
                typeof(AuthOptions),
                [$"{AuthOptions.Section}:SigningKey is required in client mode: set LSX__Auth__SigningKey to the same secret of at least {MinLength} characters on every Api node."]);
        }

        LogRandomKey(logger);
        Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LSX:Auth:SigningKey is not set: signing tokens with a random key; tokens will not survive a restart. Set LSX__Auth__SigningKey for anything but local development.")]
    private static partial void LogRandomKey(ILogger logger);
}
