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

    /// <summary>
    /// Before <see cref="InFlight"/> (one gift at a time): the last gift entered in the ledger, whose sender's tally
    /// was written right after the ledger. Read on activation and settled like the gifts in flight.
    /// </summary>
    [Id(4)] public GiftInFlight? LastGift { get; init; }

    /// <summary>
    /// Gifts entered in the ledger whose senders' tallies may not be written yet: the ledger is written first, then
    /// the tallies, and a crash between the two is finished by the next activation without entering them twice.
    /// </summary>
    [Id(5)] public GiftInFlight[] InFlight { get; init; } = [];

    /// <summary>Payouts requested and not yet paid or returned, by payout id: debited from <see cref="Earnings"/>.</summary>
    [Id(100)] public Dictionary<string, long> PayoutsInFlight { get; init; } = [];

    /// <summary>Tokens of earnings paid out for good.</summary>
    [Id(101)] public long PaidOut { get; init; }
}
