using LiveStreamX.Gifts;

namespace LiveStreamX.Grains.Wallets;

/// <summary>What a wallet persists. Ids are never reused.</summary>
[GenerateSerializer, Alias("lsx.WalletState")]
public sealed record WalletState
{
    [Id(0)] public bool Opened { get; init; }

    [Id(1)] public string Handle { get; init; } = string.Empty;

    /// <summary>Spendable tokens: the sum of the ledger's spendable entries; below zero only after a refund (gifting then freezes).</summary>
    [Id(2)] public long Balance { get; init; }

    [Id(3)] public LedgerTail Ledger { get; init; } = new();

    /// <summary>Debited gifts not yet acknowledged by the creator's earnings and the stream, oldest first.</summary>
    [Id(4)] public GiftDelivery[] Outbox { get; init; } = [];

    [Id(5)] public long AbuseSignals { get; init; }

    /// <summary>Stripe disputes open against this user's purchases: gifting is frozen while any is.</summary>
    [Id(100)] public string[] OpenDisputes { get; init; } = [];
}
