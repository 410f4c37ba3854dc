using LiveStreamX.Payments;

namespace LiveStreamX.Grains.Payments;

/// <summary>What a payout persists.</summary>
[GenerateSerializer, Alias("lsx.PayoutState")]
public sealed record PayoutState
{
    [Id(0)] public PayoutView? Payout { get; init; }

    /// <summary>The earnings acknowledged the debit (before that, a retry of the request debits again, which the earnings drop).</summary>
    [Id(1)] public bool Reserved { get; init; }

    /// <summary>The earnings acknowledged the end (paid, or the amount returned).</summary>
    [Id(2)] public bool Settled { get; init; }

    [Id(3)] public string? Destination { get; init; }
}

/// <summary>A creator's payout settings and payouts.</summary>
[GenerateSerializer, Alias("lsx.PayoutAccountState")]
public sealed record PayoutAccountState
{
    [Id(0)] public bool Verified { get; init; }

    [Id(1)] public string? StripeAccountId { get; init; }

    [Id(2)] public string[] Payouts { get; init; } = [];
}

/// <summary>The admin queue: open payouts by id, and the latest decided ones, newest first.</summary>
[GenerateSerializer, Alias("lsx.PayoutQueueState")]
public sealed record PayoutQueueState
{
    [Id(0)] public Dictionary<string, PayoutView> Open { get; init; } = [];

    [Id(1)] public PayoutView[] Decided { get; init; } = [];
}
