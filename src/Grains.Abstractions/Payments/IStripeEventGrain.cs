namespace LiveStreamX.Payments;

/// <summary>
/// One Stripe webhook event, recorded durably before it is acted on and acknowledged, and acted on once however many
/// times (or to however many Api nodes at once) Stripe delivers it. Key: the event id.
/// </summary>
[Alias("lsx.IStripeEventGrain")]
public interface IStripeEventGrain : IGrainWithStringKey
{
    /// <summary>Records the event, then hands it to the purchase it is about; a repeat is answered from the record.</summary>
    [Alias("Handle")]
    Task<StripeEventOutcome> HandleAsync(StripeEvent stripeEvent);
}

/// <summary>The fields of a verified Stripe event this platform acts on (the rest stay at Stripe).</summary>
[GenerateSerializer, Immutable, Alias("lsx.StripeEvent")]
public sealed record StripeEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] string? ObjectId,
    [property: Id(4)] string? UserId,
    [property: Id(5)] string? PackId,
    [property: Id(6)] string? PaymentIntentId,
    [property: Id(7)] string? ChargeId,
    [property: Id(8)] long Amount,
    [property: Id(9)] long AmountRefunded,
    [property: Id(10)] string? Currency,
    [property: Id(11)] string? Status,
    [property: Id(12)] string? Reason);

/// <summary>What became of an event: <c>handled</c>, <c>ignored</c> (a type or payment this platform does not act on).</summary>
[GenerateSerializer, Immutable, Alias("lsx.StripeEventOutcome")]
public sealed record StripeEventOutcome(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Outcome,
    [property: Id(2)] bool Duplicate);

/// <summary>The Stripe event types acted on.</summary>
public static class StripeEventTypes
{
    public const string CheckoutCompleted = "checkout.session.completed";
    public const string CheckoutAsyncSucceeded = "checkout.session.async_payment_succeeded";
    public const string CheckoutExpired = "checkout.session.expired";
    public const string ChargeRefunded = "charge.refunded";
    public const string DisputeCreated = "charge.dispute.created";
    public const string DisputeClosed = "charge.dispute.closed";
}
