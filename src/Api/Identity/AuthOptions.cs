using System.ComponentModel.DataAnnotations;
using LiveStreamX.Api.Hosting;

namespace LiveStreamX.Api.Identity;

/// <summary>Sign-in, sessions and token signing. Section <c>LSX:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "LSX:Auth";

    /// <summary>
    /// An HS256 key of at least 32 characters that signs access tokens. Empty: the cluster's own key ring, generated
    /// once and kept in the cluster's storage (<c>ISigningKeysGrain</c>), rotated every <see cref="KeyRotation"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys that signed before <see cref="SigningKey"/>: still accepted, never used to sign. Remove one once its tokens expired.</summary>
    public string[] PreviousSigningKeys { get; set; } = [];

    [Required]
    public string Issuer { get; set; } = "livestreamx";

    [Required]
    public string Audience { get; set; } = "livestreamx";

    /// <summary>How long an access token works; the client refreshes before that.</summary>
    [Range(1, 15)]
    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>How long a session lasts unused: every refresh starts this time again.</summary>
    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>How long a generated key signs before the next one takes over.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a replaced key is still accepted: at least one access token's lifetime.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan KeyOverlap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often each Api node reads the cluster's key ring.</summary>
    [Range(1, 600)]
    public int KeyRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// <c>POST /api/auth/dev-login</c> (any handle, no password; never an admin). Unset: on in embedded mode, off in
    /// client mode.
    /// </summary>
    public bool? DevLogin { get; set; }

    /// <summary>
    /// The accounts made admins when they sign in: a handle (<c>alice</c>) or a provider and subject
    /// (<c>google:1234567890</c>). A dev-login never becomes an admin.
    /// </summary>
    public string[] Admins { get; set; } = [];

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);

    /// <summary>A new key is published this long before it signs: two reads of the ring by every node.</summary>
    public TimeSpan KeyLead => TimeSpan.FromSeconds(2 * KeyRefreshSeconds);

    public bool DevLoginOn(ApiMode mode) => DevLogin ?? mode == ApiMode.Embedded;
}
