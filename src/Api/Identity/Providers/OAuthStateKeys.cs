using System.Security.Cryptography;
using System.Text;
using LiveStreamX.Common;
using LiveStreamX.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;

namespace LiveStreamX.Api.Identity.Providers;

/// <summary>
/// Encrypts and signs OAuth state tokens with keys derived from the cluster's secret (<see cref="IOAuthSecretGrain"/>),
/// so a sign-in started on one Api node completes on any other.
/// </summary>
internal sealed class OAuthStateKeys(IGrainFactory grains) : IConfigureOptions<OpenIddictClientOptions>
{
    public void Configure(OpenIddictClientOptions options)
    {
        // Options are built on the first sign-in request, when the cluster already answers; once per process.
        var secret = grains.Get<IOAuthSecretGrain>(IOAuthSecretGrain.Default).GetAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            Derive(secret, "lsx oauth state encryption"), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        options.SigningCredentials.Add(new SigningCredentials(Derive(secret, "lsx oauth state signing"), SecurityAlgorithms.HmacSha256));
    }

    private static SymmetricSecurityKey Derive(byte[] secret, string purpose) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes(purpose)));
}
