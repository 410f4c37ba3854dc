using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Payments;

/// <summary>
/// One Stripe event: written to storage on arrival, before anything acts on it, then handed to the purchase it is
/// about, then marked done. A repeat of a done event is answered from the record; one that failed half-way is
/// acted on again (the purchase and the wallet are idempotent), which is what Stripe's retries are for.
/// </summary>
// Non-reentrant: the same event delivered to two Api nodes at once is handled by this one activation, in turn.
public sealed partial class StripeEventGrain(
    [PersistentState("stripe-event", StorageNames.Default)] IPersistentState<StripeEventState> record,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<StripeEventGrain> logger) : Grain, IStripeEventGrain
{
    public async Task<StripeEventOutcome> HandleAsync(StripeEvent stripeEvent)
    {
        if (stripeEvent.Id != this.GetPrimaryKeyString())
        {
            throw DomainException.InvalidInput("id", "This grain records another event.");
        }

        if (record.State.Outcome is { } done)
        {
            return new StripeEventOutcome(stripeEvent.Id, done, Duplicate: true);
        }

        record.State = record.State with
        {
            Event = record.State.Event ?? stripeEvent,
            ReceivedAt = record.State.Event is null ? time.GetUtcNow() : record.State.ReceivedAt,
            Attempts = record.State.Attempts + 1,
        };
        await record.WriteStateAsync();

        var outcome = await ActAsync(record.State.Event!);
        record.State = record.State with { Outcome = outcome };
        await record.WriteStateAsync();
        LogHandled(logger, stripeEvent.Id, stripeEvent.Type, outcome);
        return new StripeEventOutcome(stripeEvent.Id, outcome, Duplicate: false);
    }

    private async Task<string> ActAsync(StripeEvent e)
    {
        switch (e.Type)
        {
            case StripeEventTypes.CheckoutCompleted or StripeEventTypes.CheckoutAsyncSucceeded when e.ObjectId is { } session:
                var paid = e.Status is "paid" or "no_payment_required";
                var view = await GrainFactory.Get<IPurchaseGrain>(session).CompleteAsync(
                    new CheckoutPaid(e.Id, e.UserId, e.PackId, e.PaymentIntentId, e.Amount, e.Currency, paid));
                return view.Duplicate ? "handled: already credited" : paid ? "handled: credited" : "handled: awaiting payment";

            case StripeEventTypes.CheckoutExpired when e.ObjectId is { } session:
                await GrainFactory.Get<IPurchaseGrain>(session).ExpireAsync();
                return "handled: expired";

            case StripeEventTypes.ChargeRefunded or StripeEventTypes.DisputeCreated or StripeEventTypes.DisputeClosed:
                if (e.PaymentIntentId is null || await GrainFactory.Get<IPaymentIntentGrain>(e.PaymentIntentId).GetSessionAsync() is not { } owner)
                {
                    // Not a payment of a token pack (or of another platform on the same account): acknowledged, ignored.
                    return "ignored: unknown payment";
                }

                var purchase = GrainFactory.Get<IPurchaseGrain>(owner);
                if (e.Type == StripeEventTypes.ChargeRefunded)
                {
                    await purchase.RefundAsync(new ChargeRefunded(e.Id, e.ChargeId ?? e.ObjectId ?? e.Id, e.Amount, e.AmountRefunded));
                    return "handled: refunded";
                }

                var dispute = new ChargeDisputed(e.Id, e.ObjectId ?? e.Id, e.ChargeId, e.Reason, e.Status);
                await (e.Type == StripeEventTypes.DisputeCreated ? purchase.DisputeAsync(dispute) : purchase.CloseDisputeAsync(dispute));
                return e.Type == StripeEventTypes.DisputeCreated ? "handled: frozen" : "handled: dispute closed";

            default:
                return "ignored: event type";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}): {Outcome}")]
    private static partial void LogHandled(ILogger logger, string eventId, string type, string outcome);
}
