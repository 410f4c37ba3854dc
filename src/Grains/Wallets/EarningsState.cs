namespace LiveStreamX.Grains.Wallets;

/// <summary>What a creator's earnings ledger persists.</summary>
[GenerateSerializer, Alias("lsx.EarningsState")]
public sealed record EarningsState
{
    /// <summary>Tokens earned: the sum of the ledger's earnings entries.</summary>
    [Id(0)] public long Earnings { get; init; }

    /// <summary>The platform's share of this creator's gifts: the sum of the ledger's platform entries.</summary>
    [Id(1)] public long PlatformShare { get; init; }

    [Id(2)] public LedgerTail Ledger { get; init; } = new();

    /// <summary>Per sender, the highest transfer number applied: senders deliver in order, so lower is a repeat.</summary>
    [Id(3)] public Dictionary<string, long> Applied { get; init; } = [];
}
