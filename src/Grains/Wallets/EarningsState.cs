using LiveStreamX.Grains.Gifts;

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

    /// <summary>
    /// Before the sender tallies: per sender, the highest transfer number applied. A creator stored that way moves
    /// it over on the next activation and clears it (the name stays: JSON written earlier is read by name).
    /// </summary>
    [Id(3)] public Dictionary<string, long> Applied { get; init; } = [];

    /// <summary>The last gift entered in the ledger; its sender's tally is written right after the ledger.</summary>
    [Id(4)] public GiftInFlight? LastGift { get; init; }
}
