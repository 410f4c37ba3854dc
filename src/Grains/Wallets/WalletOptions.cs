using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Wallets;

/// <summary>The gift economy's settings. Section <c>LSX:Wallets</c>.</summary>
public sealed class WalletOptions
{
    public const string Section = "LSX:Wallets";

    /// <summary>Tokens every new user starts with, so gifting works before payments exist.</summary>
    [Range(0, 1_000_000)]
    public long StarterGrant { get; set; } = 1000;

    /// <summary>The platform's share of each gift, in percent; the creator earns the rest.</summary>
    [Range(0, 100)]
    public int PlatformSharePercent { get; set; } = 30;

    /// <summary>Gift sends a user may make per second (a burst of this many, refilled every second).</summary>
    [Range(1, 10_000)]
    public int GiftsPerSecond { get; set; } = 10;

    /// <summary>Tokens a user may spend on gifts per minute.</summary>
    [Range(1, 100_000_000)]
    public long TokensPerMinute { get; set; } = 50_000;

    /// <summary>How often undelivered gifts are retried (an Orleans reminder; Orleans' minimum is one minute).</summary>
    [Range(1, 3600)]
    public int OutboxRetrySeconds { get; set; } = 60;

    /// <summary>Ledger entries kept in a wallet's own state; older ones move to archive pages of this size.</summary>
    [Range(8, 4096)]
    public int LedgerPageSize { get; set; } = 64;
}
