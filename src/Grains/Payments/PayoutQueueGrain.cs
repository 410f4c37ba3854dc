using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;

namespace LiveStreamX.Grains.Payments;

/// <summary>The admins' payout queue: what waits for a decision, and the latest decided payouts.</summary>
public sealed class PayoutQueueGrain(
    [PersistentState("payout-queue", StorageNames.Default)] IPersistentState<PayoutQueueState> queue) : Grain, IPayoutQueueGrain
{
    private const int DecidedKept = 500;

    public async Task UpdateAsync(PayoutView payout)
    {
        var open = new Dictionary<string, PayoutView>(queue.State.Open);
        var decided = queue.State.Decided.Where(p => p.Id != payout.Id);
        if (payout.Status is PayoutStatus.Requested or PayoutStatus.Approved)
        {
            open[payout.Id] = payout;
        }
        else
        {
            open.Remove(payout.Id);
            decided = decided.Prepend(payout);
        }

        queue.State = new PayoutQueueState { Open = open, Decided = [.. decided.Take(DecidedKept)] };
        await queue.WriteStateAsync();
    }

    public Task<IReadOnlyList<PayoutView>> ListAsync(PayoutStatus? status)
    {
        var open = queue.State.Open.Values.OrderBy(p => p.RequestedAt);
        IEnumerable<PayoutView> all = [.. open, .. queue.State.Decided];
        return Task.FromResult<IReadOnlyList<PayoutView>>([.. all.Where(p => status is null || p.Status == status)]);
    }
}
