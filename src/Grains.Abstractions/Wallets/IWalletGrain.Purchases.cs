namespace LiveStreamX.Wallets;

/// <summary>Money in: purchases credited, refunds and disputes taken back, gifting frozen until settled.</summary>
public partial interface IWalletGrain
{
    /// <summary>Credits a paid pack (tokens and bonus in one write), once per idempotency key; settles a debt first.</summary>
    [Alias("CreditPurchase")]
    Task<WalletStanding> CreditPurchaseAsync(PurchaseCredit credit);

    /// <summary>Takes purchased tokens back (a refund or a lost dispute), once per key; below zero, gifting freezes.</summary>
    [Alias("TakeBack")]
    Task<WalletStanding> TakeBackAsync(TakeBack takeBack);

    /// <summary>Freezes gifting while a dispute is open (once per dispute id).</summary>
    [Alias("OpenDispute")]
    Task<WalletStanding> OpenDisputeAsync(string disputeId);

    /// <summary>Closes a dispute (or, with null, every one): gifting thaws once nothing else holds it.</summary>
    [Alias("CloseDispute")]
    Task<WalletStanding> CloseDisputeAsync(string? disputeId);

    /// <summary>The balance and whether gifting is frozen, and why.</summary>
    [Alias("GetStanding")]
    Task<WalletStanding> GetStandingAsync();
}

/// <summary>A paid pack to credit: <paramref name="Tokens"/> as a purchase, <paramref name="Bonus"/> beside it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PurchaseCredit")]
public sealed record PurchaseCredit(
    [property: Id(0)] long Tokens,
    [property: Id(1)] long Bonus,
    [property: Id(2)] string Reference,
    [property: Id(3)] string IdempotencyKey,
    [property: Id(4)] string PackId);

/// <summary>Tokens to take back from a purchase: <paramref name="Reference"/> names the Stripe ids.</summary>
[GenerateSerializer, Immutable, Alias("lsx.TakeBack")]
public sealed record TakeBack(
    [property: Id(0)] long Tokens,
    [property: Id(1)] string Reference,
    [property: Id(2)] string IdempotencyKey);

/// <summary>A wallet's balance (below zero only after a refund took back spent tokens) and what freezes its gifting.</summary>
[GenerateSerializer, Immutable, Alias("lsx.WalletStanding")]
public sealed record WalletStanding(
    [property: Id(0)] long Balance,
    [property: Id(1)] IReadOnlyList<string> OpenDisputes)
{
    /// <summary>Gifting is frozen while the balance is below zero or a dispute is open.</summary>
    public bool Frozen => Balance < 0 || OpenDisputes.Count > 0;

    /// <summary>Why gifting is frozen: <c>negative-balance</c>, <c>dispute</c>, or null.</summary>
    public string? FrozenReason => OpenDisputes.Count > 0 ? "dispute" : Balance < 0 ? "negative-balance" : null;
}
