namespace LiveStreamX.Wallets;

/// <summary>Why tokens moved.</summary>
public enum LedgerKind
{
    Grant = 0,
    Purchase = 1,
    GiftDebit = 2,
    Earning = 3,
    PlatformShare = 4,
    Refund = 5,
    Adjustment = 6,

    /// <summary>The bonus tokens of a purchased pack, beside its <see cref="Purchase"/> entry.</summary>
    PurchaseBonus = 100,

    /// <summary>Purchased tokens taken back on a refund (the balance may go below zero: gifting freezes until settled).</summary>
    PurchaseReversal = 101,

    /// <summary>Earnings set aside for a payout request (in flight until paid, or returned).</summary>
    PayoutDebit = 102,

    /// <summary>A rejected or failed payout's earnings, given back.</summary>
    PayoutReturn = 103,
}

/// <summary>Which balance an entry moves.</summary>
public enum LedgerAccount
{
    /// <summary>Tokens the user can spend.</summary>
    Spendable = 0,

    /// <summary>Tokens a creator received; kept apart, never spendable.</summary>
    Earnings = 1,

    /// <summary>The platform's share of a creator's gifts, recorded beside the creator's earning.</summary>
    Platform = 2,
}

/// <summary>One line of a ledger. Entries are numbered from 1 and never change.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long No,
    [property: Id(1)] LedgerKind Kind,
    [property: Id(2)] LedgerAccount Account,
    [property: Id(3)] long Amount,
    [property: Id(4)] string? Counterparty,
    [property: Id(5)] string? IdempotencyKey,
    [property: Id(6)] string? Reference,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] long BalanceAfter = 0,
    [property: Id(9)] string? StreamId = null,
    [property: Id(10)] string? GiftCode = null,
    [property: Id(11)] int Count = 0);

/// <summary>A page of a ledger, newest first.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LedgerPage")]
public sealed record LedgerPage(
    [property: Id(0)] IReadOnlyList<LedgerEntry> Entries,
    [property: Id(1)] long? NextBefore);

/// <summary>A check of one ledger against its balances.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LedgerAudit")]
public sealed record LedgerAudit(
    [property: Id(0)] string UserId,
    [property: Id(1)] long Balance,
    [property: Id(2)] long Earnings,
    [property: Id(3)] long PlatformShare,
    [property: Id(4)] long LedgerSpendable,
    [property: Id(5)] long LedgerEarnings,
    [property: Id(6)] long LedgerPlatform,
    [property: Id(7)] long Debits,
    [property: Id(8)] long Refunds,
    [property: Id(9)] long InFlight,
    [property: Id(10)] long Entries,
    [property: Id(100)] long Created = 0,
    [property: Id(101)] long Reversed = 0,
    [property: Id(102)] long Earned = 0,
    [property: Id(103)] long PaidOut = 0,
    [property: Id(104)] long PayoutsInFlight = 0,
    [property: Id(105)] long PayoutsNet = 0)
{
    public bool Consistent => Balance == LedgerSpendable && Earnings == LedgerEarnings && PlatformShare == LedgerPlatform;
}
