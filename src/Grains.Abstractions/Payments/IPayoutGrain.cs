using LiveStreamX.Users;

namespace LiveStreamX.Payments;

/// <summary>
/// One payout request, from its request through an admin's decision to a Stripe Connect transfer. Key: the payout
/// id, derived from the creator and the request's idempotency key, so a double click is one payout.
/// </summary>
[Alias("lsx.IPayoutGrain")]
public interface IPayoutGrain : IGrainWithStringKey
{
    /// <summary>Requests the payout: checks the minimum and the verified flag, debits the earnings once.</summary>
    [Alias("Request")]
    Task<PayoutView> RequestAsync(PayoutRequest request);

    /// <summary>An admin approves: the transfer is made (with the payout id as its idempotency key); paid, or failed and returned.</summary>
    [Alias("Approve")]
    Task<PayoutView> ApproveAsync(Actor admin);

    /// <summary>An admin rejects, with a reason: the amount returns to the earnings.</summary>
    [Alias("Reject")]
    Task<PayoutView> RejectAsync(Actor admin, string reason);

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<PayoutView?> GetAsync();
}

/// <summary>A creator's payout settings, set by admins, and their payouts. Key: the creator's user id.</summary>
[Alias("lsx.IPayoutAccountGrain")]
public interface IPayoutAccountGrain : IGrainWithStringKey
{
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<PayoutAccount> GetAsync();

    /// <summary>Marks the creator verified (or not) and names their Stripe Connect account.</summary>
    [Alias("Set")]
    Task<PayoutAccount> SetAsync(Actor admin, bool verified, string? stripeAccountId);

    /// <summary>Remembers a payout of this creator (newest first, the last 200).</summary>
    [Alias("Record")]
    Task RecordAsync(string payoutId);
}

/// <summary>Every payout that waits for an admin, and the latest decided ones. Key: 0.</summary>
[Alias("lsx.IPayoutQueueGrain")]
public interface IPayoutQueueGrain : IGrainWithIntegerKey
{
    [Alias("Update")]
    Task UpdateAsync(PayoutView payout);

    /// <summary>Payouts with this status (all, when null), oldest first for open ones, newest first for decided ones.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<PayoutView>> ListAsync(PayoutStatus? status);
}

/// <summary>A creator asks for <paramref name="Amount"/> tokens of earnings.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PayoutRequest")]
public sealed record PayoutRequest(
    [property: Id(0)] Actor Creator,
    [property: Id(1)] long Amount,
    [property: Id(2)] string IdempotencyKey);

/// <summary>A creator's payout settings.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PayoutAccount")]
public sealed record PayoutAccount(
    [property: Id(0)] string UserId,
    [property: Id(1)] bool Verified,
    [property: Id(2)] string? StripeAccountId,
    [property: Id(3)] IReadOnlyList<string> Payouts);

/// <summary>A payout on the wire: tokens, and the cents transferred for them.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PayoutView")]
public sealed record PayoutView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string CreatorHandle,
    [property: Id(3)] long Amount,
    [property: Id(4)] long AmountCents,
    [property: Id(5)] string Currency,
    [property: Id(6)] PayoutStatus Status,
    [property: Id(7)] DateTimeOffset RequestedAt,
    [property: Id(8)] DateTimeOffset? DecidedAt,
    [property: Id(9)] string? DecidedBy,
    [property: Id(10)] string? Reason,
    [property: Id(11)] string? TransferId,
    [property: Id(12)] bool Duplicate = false);

/// <summary>Where a payout is.</summary>
public enum PayoutStatus
{
    /// <summary>Requested; its amount is debited from the earnings and waits for an admin.</summary>
    Requested = 0,

    /// <summary>Approved; the transfer is under way (retried with the same idempotency key until Stripe answers).</summary>
    Approved = 1,

    /// <summary>Transferred.</summary>
    Paid = 2,

    /// <summary>Rejected by an admin; the amount is back in the earnings.</summary>
    Rejected = 3,

    /// <summary>Stripe refused the transfer; the amount is back in the earnings.</summary>
    Failed = 4,
}
