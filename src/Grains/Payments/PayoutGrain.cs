using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;
using LiveStreamX.Users;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Payments;

/// <summary>
/// One payout: requested (the earnings debited once, by payout id), approved (a Stripe Connect transfer whose
/// idempotency key is the payout id), then paid, or failed or rejected (the amount returned once). Each step is
/// written before the next is tried, and a reminder finishes a transfer or a settlement a crash interrupted.
/// </summary>
// Non-reentrant: a request, an approval and a rejection of one payout never interleave.
public sealed partial class PayoutGrain(
    [PersistentState("payout", StorageNames.Default)] IPersistentState<PayoutState> payout,
    IOptions<PayoutOptions> options,
    StripeGateway stripe,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<PayoutGrain> logger) : Grain, IPayoutGrain, IRemindable
{
    private const string FinishReminder = "finish";
    private readonly PayoutOptions _options = options.Value;

    private string PayoutId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (payout.State.Payout is { Status: not (PayoutStatus.Requested or PayoutStatus.Approved) } && !payout.State.Settled)
        {
            await SettleAsync();
        }
    }

    public async Task<PayoutView> RequestAsync(PayoutRequest request)
    {
        if (payout.State.Payout is { } existing)
        {
            if (existing.CreatorId != request.Creator.UserId || existing.Amount != request.Amount)
            {
                throw new DomainException(ErrorCodes.Conflict, "This idempotency key was used for another payout.") { Field = "idempotencyKey" };
            }

            if (payout.State.Reserved)
            {
                return existing with { Duplicate = true };
            }
        }
        else
        {
            if (request.Amount < _options.MinimumTokens)
            {
                throw DomainException.InvalidInput("amount", $"The smallest payout is {_options.MinimumTokens} tokens.");
            }

            var account = await GrainFactory.Get<IPayoutAccountGrain>(request.Creator.UserId).GetAsync();
            if (!account.Verified)
            {
                throw DomainException.Forbidden("Payouts are for verified creators; an admin verifies your account.");
            }

            // Written before the debit, so a crash between the two is finished by the retry with the same key.
            var view = new PayoutView(PayoutId, request.Creator.UserId, request.Creator.Handle, request.Amount, _options.CentsOf(request.Amount),
                _options.Currency, PayoutStatus.Requested, time.GetUtcNow(), null, null, null, null);
            payout.State = new PayoutState { Payout = view, Destination = account.StripeAccountId };
            await payout.WriteStateAsync();
        }

        try
        {
            await Earnings().ReservePayoutAsync(new PayoutReservation(PayoutId, request.Amount, _options.Hold));
        }
        catch (DomainException)
        {
            // Refused (above the withdrawable amount): no payout, nothing debited, the key free again.
            await payout.ClearStateAsync();
            throw;
        }

        payout.State = payout.State with { Reserved = true };
        await payout.WriteStateAsync();
        var requested = payout.State.Payout!;
        await GrainFactory.Get<IPayoutAccountGrain>(requested.CreatorId).RecordAsync(PayoutId);
        await GrainFactory.Get<IPayoutQueueGrain>(0).UpdateAsync(requested);
        await PaymentAudit.AppendAsync(GrainFactory, request.Creator, "payout-request", requested.CreatorId, PayoutId,
            $"{requested.Amount} tokens ({requested.AmountCents} {requested.Currency})", requested.CreatorId);
        return requested;
    }

    public async Task<PayoutView> ApproveAsync(Actor admin)
    {
        var current = Require(admin);
        switch (current.Status)
        {
            case PayoutStatus.Approved:
                // Approved before and not finished (a transfer Stripe did not answer): try it again, same key.
                return await TransferAsync();
            case not PayoutStatus.Requested:
                throw new DomainException(ErrorCodes.InvalidTransition, $"The payout is {current.Status.ToString().ToLowerInvariant()}.");
        }

        if (!stripe.Configured)
        {
            throw new DomainException(ErrorCodes.NotConfigured, "Payout transfers are not configured here (no Stripe keys).");
        }

        var account = await GrainFactory.Get<IPayoutAccountGrain>(current.CreatorId).GetAsync();
        if (account.StripeAccountId is null)
        {
            throw new DomainException(ErrorCodes.InvalidTransition, "The creator has no Stripe Connect account to pay out to.");
        }

        await this.RegisterOrUpdateReminder(FinishReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        payout.State = payout.State with
        {
            Destination = account.StripeAccountId,
            Payout = current with { Status = PayoutStatus.Approved, DecidedAt = time.GetUtcNow(), DecidedBy = admin.Handle },
        };
        await payout.WriteStateAsync();
        await GrainFactory.Get<IPayoutQueueGrain>(0).UpdateAsync(payout.State.Payout!);
        await PaymentAudit.AppendAsync(GrainFactory, admin, "payout-approve", current.CreatorId, PayoutId, $"to {account.StripeAccountId}", current.CreatorId);
        return await TransferAsync();
    }

    public async Task<PayoutView> RejectAsync(Actor admin, string reason)
    {
        var current = Require(admin);
        if (!InputText.TryClean(reason, 500, out var why))
        {
            throw DomainException.InvalidInput("reason", "Say why, in 1–500 characters.");
        }

        if (current.Status != PayoutStatus.Requested)
        {
            throw new DomainException(ErrorCodes.InvalidTransition, $"The payout is {current.Status.ToString().ToLowerInvariant()}.");
        }

        await this.RegisterOrUpdateReminder(FinishReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        payout.State = payout.State with
        {
            Payout = current with { Status = PayoutStatus.Rejected, DecidedAt = time.GetUtcNow(), DecidedBy = admin.Handle, Reason = why },
        };
        await payout.WriteStateAsync();
        await PaymentAudit.AppendAsync(GrainFactory, admin, "payout-reject", current.CreatorId, $"{PayoutId} ({current.Amount} tokens)", why, current.CreatorId);
        await SettleAsync();
        return payout.State.Payout!;
    }

    public Task<PayoutView?> GetAsync() => Task.FromResult(payout.State is { Payout: { } p, Reserved: true } ? p : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (payout.State.Payout?.Status == PayoutStatus.Approved)
        {
            await TransferAsync();
        }
        else if (payout.State.Payout is not null && !payout.State.Settled)
        {
            await SettleAsync();
        }
        else if (await this.GetReminder(FinishReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Makes the transfer: paid or failed is written, then settled; a transient failure leaves it approved for the reminder.</summary>
    private async Task<PayoutView> TransferAsync()
    {
        var current = payout.State.Payout!;
        PayoutView next;
        try
        {
            var transfer = await stripe.TransferAsync(payout.State.Destination!, current.AmountCents, current.Currency, PayoutId, CancellationToken.None);
            next = current with { Status = PayoutStatus.Paid, TransferId = transfer };
        }
        catch (TransferRefusedException ex)
        {
            next = current with { Status = PayoutStatus.Failed, Reason = $"Stripe refused the transfer: {ex.Message}" };
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            LogTransferRetry(logger, ex, PayoutId);
            return current;
        }

        payout.State = payout.State with { Payout = next };
        await payout.WriteStateAsync();
        await PaymentAudit.AppendAsync(GrainFactory, PaymentAudit.Stripe, next.Status == PayoutStatus.Paid ? "payout-paid" : "payout-failed",
            next.CreatorId, $"{PayoutId} {next.TransferId}".Trim(), next.Reason ?? $"{next.Amount} tokens paid out ({next.AmountCents} {next.Currency})", next.CreatorId);
        await SettleAsync();
        return payout.State.Payout!;
    }

    /// <summary>Tells the earnings how the payout ended (once: they ignore a payout settled before) and updates the queue.</summary>
    private async Task SettleAsync()
    {
        var current = payout.State.Payout!;
        await Earnings().SettlePayoutAsync(PayoutId, current.Status == PayoutStatus.Paid, _options.Hold);
        payout.State = payout.State with { Settled = true };
        await payout.WriteStateAsync();
        await GrainFactory.Get<IPayoutQueueGrain>(0).UpdateAsync(current);
        if (await this.GetReminder(FinishReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private PayoutView Require(Actor admin)
    {
        if (!admin.IsAdmin)
        {
            throw DomainException.Forbidden("Only admins decide payouts.");
        }

        return payout.State is { Payout: { } p, Reserved: true } ? p : throw DomainException.NotFound($"There is no payout '{PayoutId}'.");
    }

    private IEarningsGrain Earnings() => GrainFactory.Get<IEarningsGrain>(payout.State.Payout!.CreatorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payout {PayoutId}: the transfer did not get an answer; it is retried with the same idempotency key")]
    private static partial void LogTransferRetry(ILogger logger, Exception ex, string payoutId);
}
