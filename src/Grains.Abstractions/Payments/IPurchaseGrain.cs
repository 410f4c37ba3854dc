namespace LiveStreamX.Payments;

/// <summary>
/// One Stripe Checkout Session: the pack a user is buying, credited once when paid, taken back when refunded.
/// Key: the Checkout Session id, so one session credits once however many events or Api nodes report it.
/// </summary>
[Alias("lsx.IPurchaseGrain")]
public interface IPurchaseGrain : IGrainWithStringKey
{
    /// <summary>Records the session as created for this user and pack (before the user is sent to pay).</summary>
    [Alias("Open")]
    Task OpenAsync(PurchaseOpened opened);

    /// <summary>The session was paid: credits the pack's tokens once.</summary>
    [Alias("Complete")]
    Task<PurchaseView> CompleteAsync(CheckoutPaid paid);

    /// <summary>The session expired unpaid.</summary>
    [Alias("Expire")]
    Task<PurchaseView> ExpireAsync();

    /// <summary>The charge was refunded, in part or in full (the cumulative amount): the tokens bought with it are taken back.</summary>
    [Alias("Refund")]
    Task<PurchaseView> RefundAsync(ChargeRefunded refund);

    /// <summary>A dispute opened on the charge: the buyer's gifting freezes, and the audit log says so.</summary>
    [Alias("Dispute")]
    Task<PurchaseView> DisputeAsync(ChargeDisputed dispute);

    /// <summary>A dispute closed: won thaws the wallet; lost takes the tokens back as a refund would.</summary>
    [Alias("CloseDispute")]
    Task<PurchaseView> CloseDisputeAsync(ChargeDisputed dispute);

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<PurchaseView?> GetAsync();
}

/// <summary>The payment intent of a paid session, to find the purchase a charge event is about. Key: payment intent id.</summary>
[Alias("lsx.IPaymentIntentGrain")]
public interface IPaymentIntentGrain : IGrainWithStringKey
{
    [Alias("Link")]
    Task LinkAsync(string sessionId);

    [Alias("GetSession"), Orleans.Concurrency.ReadOnly]
    Task<string?> GetSessionAsync();
}

/// <summary>A session created by <c>POST /api/store/checkout</c>.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PurchaseOpened")]
public sealed record PurchaseOpened(
    [property: Id(0)] string UserId,
    [property: Id(1)] TokenPack Pack,
    [property: Id(2)] DateTimeOffset At);

/// <summary>What <c>checkout.session.completed</c> says about a paid session.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CheckoutPaid")]
public sealed record CheckoutPaid(
    [property: Id(0)] string EventId,
    [property: Id(1)] string? UserId,
    [property: Id(2)] string? PackId,
    [property: Id(3)] string? PaymentIntentId,
    [property: Id(4)] long AmountTotal,
    [property: Id(5)] string? Currency,
    [property: Id(6)] bool Paid);

/// <summary>What <c>charge.refunded</c> says: the amounts in the currency's smallest unit, the refunded one cumulative.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChargeRefunded")]
public sealed record ChargeRefunded(
    [property: Id(0)] string EventId,
    [property: Id(1)] string ChargeId,
    [property: Id(2)] long Amount,
    [property: Id(3)] long AmountRefunded);

/// <summary>What <c>charge.dispute.created</c> and <c>.closed</c> say.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChargeDisputed")]
public sealed record ChargeDisputed(
    [property: Id(0)] string EventId,
    [property: Id(1)] string DisputeId,
    [property: Id(2)] string? ChargeId,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? Status);

/// <summary>A purchase as its buyer (and the success page) sees it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PurchaseView")]
public sealed record PurchaseView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string PackId,
    [property: Id(3)] long Tokens,
    [property: Id(4)] long BonusTokens,
    [property: Id(5)] long PriceCents,
    [property: Id(6)] string Currency,
    [property: Id(7)] PurchaseStatus Status,
    [property: Id(8)] long TokensTakenBack,
    [property: Id(9)] long RefundedCents,
    [property: Id(10)] bool Duplicate = false);

/// <summary>Where a purchase is.</summary>
public enum PurchaseStatus
{
    /// <summary>The session is created; the user has not paid yet.</summary>
    Open = 0,

    /// <summary>Paid and credited.</summary>
    Paid = 1,

    /// <summary>The session expired unpaid.</summary>
    Expired = 2,

    /// <summary>Paid, then refunded in part or in full (tokens taken back).</summary>
    Refunded = 3,

    /// <summary>A dispute is open on its charge.</summary>
    Disputed = 4,
}
