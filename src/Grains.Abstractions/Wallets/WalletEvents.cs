using LiveStreamX.Progression;

namespace LiveStreamX.Wallets;

/// <summary>The user's balance moved outside a gift they sent (a purchase credited, a refund, a dispute): clients update it live.</summary>
[GenerateSerializer, Immutable, Alias("lsx.WalletChanged")]
public sealed record WalletChanged : UserEvent
{
    public override string Type => "wallet:changed";

    [Id(0)] public required long Balance { get; init; }

    /// <summary>What moved it: <c>purchase</c>, <c>refund</c>, <c>dispute</c>, <c>dispute-closed</c>.</summary>
    [Id(1)] public required string Reason { get; init; }

    [Id(2)] public required bool Frozen { get; init; }

    /// <summary><c>negative-balance</c>, <c>dispute</c>, or null.</summary>
    [Id(3)] public string? FrozenReason { get; init; }
}
