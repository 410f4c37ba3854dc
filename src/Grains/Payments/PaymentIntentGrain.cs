using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;

namespace LiveStreamX.Grains.Payments;

/// <summary>Links a payment intent to its Checkout Session, for the charge events (refunds, disputes) that name only the former.</summary>
public sealed class PaymentIntentGrain(
    [PersistentState("payment-intent", StorageNames.Default)] IPersistentState<PaymentIntentState> link) : Grain, IPaymentIntentGrain
{
    public async Task LinkAsync(string sessionId)
    {
        if (link.State.SessionId == sessionId)
        {
            return;
        }

        if (link.State.SessionId is not null)
        {
            throw new DomainException(ErrorCodes.Conflict, "This payment intent belongs to another session.");
        }

        link.State = new PaymentIntentState { SessionId = sessionId };
        await link.WriteStateAsync();
    }

    public Task<string?> GetSessionAsync() => Task.FromResult(link.State.SessionId);
}
