using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Payments;

/// <summary>
/// One Checkout Session. Paid, it credits the buyer's wallet with an idempotency key derived from the session id:
/// the state says "paid" before the credit and "credited" after it, so a crash between the two is finished by the
/// next delivery (Stripe retries until we answer 2xx) and the wallet drops the repeat.
/// </summary>
// Non-reentrant: every event of one session, from any Api node, takes its turn, so the checks and the credit never interleave.
public sealed partial class PurchaseGrain(
    [PersistentState("purchase", StorageNames.Default)] IPersistentState<PurchaseState> purchase,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<PurchaseGrain> logger) : Grain, IPurchaseGrain
{
    private string SessionId => this.GetPrimaryKeyString();

    public async Task OpenAsync(PurchaseOpened opened)
    {
        if (purchase.State.Pack is { } pack)
        {
            if (purchase.State.UserId != opened.UserId || pack.Id != opened.Pack.Id)
            {
                throw new DomainException(ErrorCodes.Conflict, "This session was opened for another user or pack.");
            }

            return;
        }

        purchase.State = purchase.State with { UserId = opened.UserId, Pack = opened.Pack, OpenedAt = opened.At, Status = PurchaseStatus.Open };
        await purchase.WriteStateAsync();
    }

    public async Task<PurchaseView> CompleteAsync(CheckoutPaid paid)
    {
        if (purchase.State.Credited)
        {
            return View() with { Duplicate = true };
        }

        if (purchase.State.Pack is null)
        {
            // A session this platform did not record (its checkout call died after Stripe answered): the metadata names
            // the buyer and the pack, priced as the catalog has it now.
            var packs = await GrainFactory.Get<ITokenPackCatalogGrain>(0).ListAsync();
            var pack = packs.FirstOrDefault(p => p.Id == paid.PackId);
            if (paid.UserId is null || pack is null)
            {
                throw DomainException.InvalidInput("metadata", $"Session {SessionId} names no known user and pack.");
            }

            purchase.State = purchase.State with { UserId = paid.UserId, Pack = pack, OpenedAt = time.GetUtcNow() };
        }
        else if ((paid.UserId is not null && paid.UserId != purchase.State.UserId) || (paid.PackId is not null && paid.PackId != purchase.State.Pack.Id))
        {
            throw DomainException.InvalidInput("metadata", $"Session {SessionId}'s metadata is not the user and pack it was created for.");
        }

        if (!paid.Paid)
        {
            // An asynchronous payment method: checkout.session.async_payment_succeeded will follow.
            await purchase.WriteStateAsync();
            return View();
        }

        purchase.State = purchase.State with { Status = PurchaseStatus.Paid, PaymentIntentId = paid.PaymentIntentId, AmountCents = paid.AmountTotal };
        await purchase.WriteStateAsync();
        if (paid.PaymentIntentId is { } intent)
        {
            await GrainFactory.Get<IPaymentIntentGrain>(intent).LinkAsync(SessionId);
        }

        var bought = purchase.State.Pack!;
        await Wallet().CreditPurchaseAsync(new PurchaseCredit(bought.Tokens, bought.BonusTokens,
            $"stripe {SessionId} {paid.PaymentIntentId} {paid.EventId}".Trim(), PaymentAudit.Key("pur", SessionId), bought.Id));
        purchase.State = purchase.State with { Credited = true };
        await purchase.WriteStateAsync();
        LogCredited(logger, SessionId, purchase.State.UserId!, bought.Tokens + bought.BonusTokens);
        return View();
    }

    public async Task<PurchaseView> ExpireAsync()
    {
        if (purchase.State.Status == PurchaseStatus.Open && purchase.State.Pack is not null)
        {
            purchase.State = purchase.State with { Status = PurchaseStatus.Expired };
            await purchase.WriteStateAsync();
        }

        return View();
    }

    public async Task<PurchaseView> RefundAsync(ChargeRefunded refund)
    {
        if (!purchase.State.Credited)
        {
            throw new DomainException(ErrorCodes.InvalidTransition, $"Session {SessionId} was never credited; there is nothing to take back.");
        }

        // The refunded amount is cumulative: a partial refund takes back its share, a later one the rest.
        var refunded = Math.Clamp(refund.AmountRefunded, 0, Math.Max(refund.Amount, purchase.State.AmountCents));
        var target = TokensFor(refunded, Math.Max(refund.Amount, 1));
        await TakeBackToAsync(target, refunded, refund.ChargeId, $"refund {refund.ChargeId} ({refunded} of {refund.Amount} cents)");
        return View();
    }

    public async Task<PurchaseView> DisputeAsync(ChargeDisputed dispute)
    {
        var state = purchase.State;
        if (state.UserId is null || state.OpenDisputes.Contains(dispute.DisputeId))
        {
            return View();
        }

        var standing = await Wallet().OpenDisputeAsync(PaymentAudit.Key("dsp", dispute.DisputeId));
        purchase.State = state with { OpenDisputes = [.. state.OpenDisputes, dispute.DisputeId], Status = PurchaseStatus.Disputed, ChargeId = dispute.ChargeId ?? state.ChargeId };
        await purchase.WriteStateAsync();
        await PaymentAudit.AppendAsync(GrainFactory, PaymentAudit.Stripe, "wallet-freeze", state.UserId, $"dispute {dispute.DisputeId} on {SessionId}",
            $"Stripe dispute opened ({dispute.Reason ?? "no reason given"}); gifting frozen, balance {standing.Balance}.");
        return View();
    }

    public async Task<PurchaseView> CloseDisputeAsync(ChargeDisputed dispute)
    {
        var state = purchase.State;
        if (state.UserId is null || !state.OpenDisputes.Contains(dispute.DisputeId))
        {
            return View();
        }

        if (dispute.Status == "lost")
        {
            // A lost dispute returns the money to the buyer: the tokens go as with a full refund.
            await TakeBackToAsync(TotalTokens(), state.AmountCents, dispute.ChargeId ?? state.ChargeId ?? dispute.DisputeId, $"lost dispute {dispute.DisputeId}");
        }

        var standing = await Wallet().CloseDisputeAsync(PaymentAudit.Key("dsp", dispute.DisputeId));
        var left = purchase.State.OpenDisputes.Where(d => d != dispute.DisputeId).ToArray();
        purchase.State = purchase.State with
        {
            OpenDisputes = left,
            Status = left.Length > 0 ? PurchaseStatus.Disputed : purchase.State.TokensTakenBack > 0 ? PurchaseStatus.Refunded : PurchaseStatus.Paid,
        };
        await purchase.WriteStateAsync();
        await PaymentAudit.AppendAsync(GrainFactory, PaymentAudit.Stripe, "wallet-unfreeze", state.UserId, $"dispute {dispute.DisputeId} on {SessionId}",
            $"Stripe dispute closed ({dispute.Status ?? "unknown"}); balance {standing.Balance}{(standing.Frozen ? ", still frozen: " + standing.FrozenReason : string.Empty)}.");
        return View();
    }

    public Task<PurchaseView?> GetAsync() => Task.FromResult(purchase.State.Pack is null ? null : View());

    /// <summary>Takes back tokens until <paramref name="target"/> are taken in all; the key is per target, so a repeat takes nothing.</summary>
    private async Task TakeBackToAsync(long target, long refundedCents, string chargeId, string why)
    {
        var state = purchase.State;
        var tokens = target - state.TokensTakenBack;
        if (tokens <= 0)
        {
            return;
        }

        var standing = await Wallet().TakeBackAsync(new TakeBack(tokens, $"stripe {SessionId} {chargeId}", PaymentAudit.Key("rev", $"{SessionId}:{target}")));
        purchase.State = purchase.State with
        {
            TokensTakenBack = target,
            RefundedCents = Math.Max(purchase.State.RefundedCents, refundedCents),
            ChargeId = chargeId,
            Status = purchase.State.OpenDisputes.Length > 0 ? PurchaseStatus.Disputed : PurchaseStatus.Refunded,
        };
        await purchase.WriteStateAsync();
        await PaymentAudit.AppendAsync(GrainFactory, PaymentAudit.Stripe, "purchase-refund", state.UserId, $"{SessionId} ({state.Pack!.Id})",
            $"{why}: {tokens} tokens taken back; balance {standing.Balance}{(standing.Frozen ? ", gifting frozen: " + standing.FrozenReason : string.Empty)}.");
    }

    private long TotalTokens() => purchase.State.Pack is { } pack ? pack.Tokens + pack.BonusTokens : 0;

    private long TokensFor(long refundedCents, long amountCents) =>
        refundedCents >= amountCents ? TotalTokens() : (long)((decimal)TotalTokens() * refundedCents / amountCents);

    private IWalletGrain Wallet() => GrainFactory.Get<IWalletGrain>(purchase.State.UserId!);

    private PurchaseView View()
    {
        var s = purchase.State;
        var pack = s.Pack ?? new TokenPack(string.Empty, string.Empty, 0, 0, 0, "usd", false);
        return new PurchaseView(SessionId, s.UserId ?? string.Empty, pack.Id, pack.Tokens, pack.BonusTokens, s.AmountCents > 0 ? s.AmountCents : pack.PriceCents,
            pack.Currency, s.Status, s.TokensTakenBack, s.RefundedCents);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase {SessionId} credited {Tokens} tokens to {UserId}")]
    private static partial void LogCredited(ILogger logger, string sessionId, string userId, long tokens);
}
