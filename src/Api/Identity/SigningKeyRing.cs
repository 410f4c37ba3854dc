using System.Security.Cryptography;
using System.Text;
using LiveStreamX.Common;
using LiveStreamX.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Identity;

/// <summary>
/// The keys that sign and check access tokens, each with the <c>kid</c> tokens carry: the configured keys, or the
/// cluster's ring read from <see cref="ISigningKeysGrain"/> (so every Api node agrees, and a restart loses none).
/// </summary>
public sealed partial class SigningKeyRing
{
    public const int MinLength = 32;

    private readonly IGrainFactory? _grains;
    private readonly AuthOptions _options;
    private volatile Snapshot? _snapshot;

    /// <summary>The ring of a node: configured keys, else the cluster's.</summary>
    public SigningKeyRing(IOptions<AuthOptions> options, IGrainFactory grains)
    {
        _options = options.Value;
        if (string.IsNullOrEmpty(_options.SigningKey))
        {
            _grains = grains;
        }
        else
        {
            _snapshot = Configured(_options);
        }
    }

    private SigningKeyRing(AuthOptions options)
    {
        _options = options;
        _snapshot = Configured(options);
    }

    /// <summary>Whether the keys come from the cluster (and need <see cref="RefreshAsync"/>).</summary>
    public bool FromCluster => _grains is not null;

    /// <summary>The key tokens are signed with now.</summary>
    public SigningCredentials Signing => _snapshot?.Signing
        ?? throw new DomainException(ErrorCodes.Unavailable, "The signing keys are not loaded yet; try again.");

    /// <summary>A ring of the configured keys alone (tools and tests that mint tokens outside a node).</summary>
    public static SigningKeyRing FromSettings(AuthOptions options) => new(options);

    /// <summary>The key a token's <c>kid</c> names, if it is still accepted; nothing for an unknown or missing kid.</summary>
    public IEnumerable<SecurityKey> Resolve(string? kid) =>
        kid is not null && _snapshot?.Keys.TryGetValue(kid, out var key) == true ? [key] : [];

    /// <summary>Reads the cluster's ring (rotating it when due); nothing to do for configured keys.</summary>
    public async Task RefreshAsync()
    {
        if (_grains is null)
        {
            return;
        }

        var set = await _grains.Get<ISigningKeysGrain>(SigningKeyRings.Default)
            .GetAsync(new KeyRotationPolicy(_options.KeyRotation, _options.KeyOverlap, _options.KeyLead));
        var keys = set.Keys.ToDictionary(k => k.Kid, k => new SymmetricSecurityKey(k.Secret) { KeyId = k.Kid });
        _snapshot = new Snapshot(keys, new SigningCredentials(keys[set.CurrentKid], SecurityAlgorithms.HmacSha256));
    }

    private static Snapshot Configured(AuthOptions options)
    {
        var current = Key(options.SigningKey!);
        var keys = options.PreviousSigningKeys.Where(k => !string.IsNullOrEmpty(k)).Select(Key).Append(current)
            .DistinctBy(k => k.KeyId).ToDictionary(k => k.KeyId, k => k);
        return new Snapshot(keys, new SigningCredentials(current, SecurityAlgorithms.HmacSha256));
    }

    // The kid of a configured key is derived from it, so every node names it alike without saying the key.
    private static SymmetricSecurityKey Key(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        return new SymmetricSecurityKey(bytes) { KeyId = "cfg-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, SymmetricSecurityKey> Keys, SigningCredentials Signing);
}
