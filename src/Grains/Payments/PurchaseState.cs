using LiveStreamX.Payments;

namespace LiveStreamX.Grains.Payments;

/// <summary>What a purchase (one Checkout Session) persists.</summary>
[GenerateSerializer, Alias("lsx.PurchaseState")]
public sealed record PurchaseState
{
    [Id(0)] public string? UserId { get; init; }

    /// <summary>The pack as it was when the session was created: its tokens are what is credited.</summary>
    [Id(1)] public TokenPack? Pack { get; init; }

    [Id(2)] public PurchaseStatus Status { get; init; }

    [Id(3)] public string? PaymentIntentId { get; init; }

    [Id(4)] public string? ChargeId { get; init; }

    /// <summary>Whether the wallet acknowledged the credit (before that, a repeat credits again with the same key, which the wallet drops).</summary>
    [Id(5)] public bool Credited { get; init; }

    [Id(6)] public long AmountCents { get; init; }

    [Id(7)] public long RefundedCents { get; init; }

    [Id(8)] public long TokensTakenBack { get; init; }

    [Id(9)] public string[] OpenDisputes { get; init; } = [];

    [Id(10)] public DateTimeOffset OpenedAt { get; init; }
}

/// <summary>The session a payment intent belongs to.</summary>
[GenerateSerializer, Alias("lsx.PaymentIntentState")]
public sealed record PaymentIntentState
{
    [Id(0)] public string? SessionId { get; init; }
}

/// <summary>What a Stripe event grain persists: the event, recorded before it is acted on, and what came of it.</summary>
[GenerateSerializer, Alias("lsx.StripeEventState")]
public sealed record StripeEventState
{
    [Id(0)] public StripeEvent? Event { get; init; }

    [Id(1)] public DateTimeOffset ReceivedAt { get; init; }

    [Id(2)] public string? Outcome { get; init; }

    [Id(3)] public int Attempts { get; init; }
}
