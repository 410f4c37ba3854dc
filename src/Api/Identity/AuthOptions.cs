using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Api.Identity;

/// <summary>Token signing and lifetime. Section <c>LSX:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "LSX:Auth";

    /// <summary>The HS256 key, at least 32 characters. Empty: a random key per process (embedded mode only).</summary>
    public string? SigningKey { get; set; }

    [Required]
    public string Issuer { get; set; } = "livestreamx";

    [Required]
    public string Audience { get; set; } = "livestreamx";

    [Range(1, 24 * 30)]
    public int TokenLifetimeHours { get; set; } = 24;
}
