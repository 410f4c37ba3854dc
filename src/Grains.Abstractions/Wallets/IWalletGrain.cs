using LiveStreamX.Common;
using LiveStreamX.Gifts;
using Orleans.Concurrency;

namespace LiveStreamX.Wallets;

/// <summary>A user's spendable tokens and their ledger; sends gifts exactly once. Key: user id.</summary>
[Alias("lsx.IWalletGrain")]
public partial interface IWalletGrain : IGrainWithStringKey
{
    /// <summary>Opens the wallet with the starter grant, once.</summary>
    [Alias("Open")]
    Task<long> OpenAsync(string handle);

    /// <summary>The spendable balance.</summary>
    [Alias("GetBalance")]
    Task<long> GetBalanceAsync();

    /// <summary>Debits the gift, then credits the creator and records it on the stream; once per idempotency key.</summary>
    [Alias("SendGift")]
    Task<GiftReceipt> SendGiftAsync(SendGift gift);

    /// <summary>Adds tokens (an admin grant or a purchase), once per idempotency key.</summary>
    [Alias("Grant")]
    Task<long> GrantAsync(long amount, LedgerKind kind, string reason, string idempotencyKey);

    /// <summary>Ledger entries newest first, before entry number <paramref name="before"/>.</summary>
    [Alias("GetLedger")]
    Task<LedgerPage> GetLedgerAsync(int limit, long? before);

    /// <summary>Re-adds the whole ledger, archived pages included, and compares it with the balance.</summary>
    [Alias("Audit")]
    Task<LedgerAudit> AuditAsync();
}

/// <summary>A creator's earnings and the platform's share of them, apart from spendable tokens. Key: user id.</summary>
[Alias("lsx.IEarningsGrain")]
public partial interface IEarningsGrain : IGrainWithStringKey
{
    /// <summary>Credits a delivered gift; a delivery seen before changes nothing.</summary>
    [Alias("Receive")]
    Task ReceiveAsync(GiftDelivery delivery);

    /// <summary>Total earnings.</summary>
    [Alias("GetEarnings")]
    Task<long> GetEarningsAsync();

    /// <summary>Ledger entries newest first, before entry number <paramref name="before"/>.</summary>
    [Alias("GetLedger")]
    Task<LedgerPage> GetLedgerAsync(int limit, long? before);

    /// <summary>Re-adds the whole ledger and compares it with the totals.</summary>
    [Alias("Audit")]
    Task<LedgerAudit> AuditAsync();
}

/// <summary>Archived ledger pages of one wallet or earnings ledger. Key: "{ledger}/{userId}/{page}".</summary>
[Alias("lsx.ILedgerArchiveGrain")]
public interface ILedgerArchiveGrain : IGrainWithStringKey
{
    /// <summary>Stores the page; writing the same page again is harmless.</summary>
    [Alias("Write")]
    Task WriteAsync(LedgerEntry[] entries);

    [Alias("Read"), ReadOnly]
    Task<LedgerEntry[]> ReadAsync();
}

/// <summary>Which users have wallets, sharded by user id so no single grain holds them all. Key: shard 0–15.</summary>
[Alias("lsx.IWalletRegistryGrain")]
public interface IWalletRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task RegisterAsync(string userId);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<string>> ListAsync();
}

/// <summary>The shards of the wallet registry.</summary>
public static class WalletRegistry
{
    public const int Shards = 16;

    /// <summary>A stable shard for a user id.</summary>
    public static int ShardOf(string userId) => (int)(ShardHash.Of(userId) % Shards);
}

/// <summary>Checks every ledger of the cluster. Key: 0.</summary>
[Alias("lsx.ILedgerAuditGrain")]
public interface ILedgerAuditGrain : IGrainWithIntegerKey
{
    [Alias("Verify")]
    Task<LedgerVerification> VerifyAsync();
}

/// <summary>The result of checking every ledger.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LedgerVerification")]
public sealed record LedgerVerification(
    [property: Id(0)] bool Ok,
    [property: Id(1)] int Wallets,
    [property: Id(2)] long TotalDebits,
    [property: Id(3)] long TotalEarnings,
    [property: Id(4)] long TotalPlatformShare,
    [property: Id(5)] long TotalRefunds,
    [property: Id(6)] long InFlight,
    [property: Id(7)] long TotalBalance,
    [property: Id(8)] long TotalGranted,
    [property: Id(9)] IReadOnlyList<string> Problems,
    [property: Id(100)] IReadOnlyList<LedgerEquation> Equations);

/// <summary>One equation of the verification: its two sides, and what each side adds up.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LedgerEquation")]
public sealed record LedgerEquation(
    [property: Id(0)] string Name,
    [property: Id(1)] string Statement,
    [property: Id(2)] long Left,
    [property: Id(3)] long Right,
    [property: Id(4)] IReadOnlyDictionary<string, long> Terms)
{
    public bool Ok => Left == Right;
}

/// <summary>Recent abuse signals (rate limits hit), for moderators. Key: 0.</summary>
[Alias("lsx.IAbuseLogGrain")]
public interface IAbuseLogGrain : IGrainWithIntegerKey
{
    [Alias("Record"), OneWay]
    Task RecordAsync(AbuseSignal signal);

    [Alias("Recent"), ReadOnly]
    Task<IReadOnlyList<AbuseSignal>> RecentAsync(int limit);
}

/// <summary>A user went over a limit.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AbuseSignal")]
public sealed record AbuseSignal(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Detail,
    [property: Id(3)] DateTimeOffset At);
