using LiveStreamX.Common;
using LiveStreamX.Progression;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>Money in: purchased tokens credited and taken back, and the freeze on gifting that a debt or dispute holds.</summary>
public sealed partial class WalletGrain
{
    private const long MaxPurchaseTokens = 100_000_000;

    public async Task<WalletStanding> CreditPurchaseAsync(PurchaseCredit credit)
    {
        if (credit.Tokens is <= 0 or > MaxPurchaseTokens || credit.Bonus is < 0 or > MaxPurchaseTokens)
        {
            throw DomainException.InvalidInput("tokens", "A purchase credits 1–100,000,000 tokens and a bonus of 0–100,000,000.");
        }

        RequireKey(credit.IdempotencyKey);
        await EnsureOpenAsync();
        await SealFullPagesAsync();
        if (await AlreadyAppliedAsync(credit.IdempotencyKey, LedgerKind.Purchase))
        {
            return Standing();
        }

        // From here to the commit: one turn. The bonus is entered beside the purchase, in the same write.
        var state = _wallet.State;
        var now = time.GetUtcNow();
        var purchase = new LedgerEntry(state.Ledger.LastNo + 1, LedgerKind.Purchase, LedgerAccount.Spendable, credit.Tokens, Counterparty: null,
            credit.IdempotencyKey, credit.Reference, now, state.Balance + credit.Tokens, GiftCode: credit.PackId);
        var ledger = state.Ledger.Append(purchase);
        var balance = purchase.BalanceAfter;
        if (credit.Bonus > 0)
        {
            var bonus = new LedgerEntry(purchase.No + 1, LedgerKind.PurchaseBonus, LedgerAccount.Spendable, credit.Bonus, Counterparty: null,
                IdempotencyKey: null, credit.Reference, now, balance + credit.Bonus, GiftCode: credit.PackId);
            ledger = ledger.Append(bonus);
            balance = bonus.BalanceAfter;
        }

        await CommitEntryAsync(purchase, state with { Balance = balance, Ledger = ledger });
        _writtenNo = Math.Max(_writtenNo, ledger.LastNo);
        return Announce("purchase");
    }

    public async Task<WalletStanding> TakeBackAsync(TakeBack takeBack)
    {
        if (takeBack.Tokens is <= 0 or > MaxPurchaseTokens)
        {
            throw DomainException.InvalidInput("tokens", "1–100,000,000 tokens are taken back.");
        }

        RequireKey(takeBack.IdempotencyKey);
        await EnsureOpenAsync();
        await SealFullPagesAsync();
        if (await AlreadyAppliedAsync(takeBack.IdempotencyKey, LedgerKind.PurchaseReversal))
        {
            return Standing();
        }

        // Tokens already gifted cannot be unsent: the balance goes below zero and gifting stays frozen until a
        // purchase (or an admin grant) settles it.
        var state = _wallet.State;
        var entry = new LedgerEntry(state.Ledger.LastNo + 1, LedgerKind.PurchaseReversal, LedgerAccount.Spendable, -takeBack.Tokens,
            Counterparty: null, takeBack.IdempotencyKey, takeBack.Reference, time.GetUtcNow(), state.Balance - takeBack.Tokens);
        await CommitEntryAsync(entry, state with { Balance = entry.BalanceAfter, Ledger = state.Ledger.Append(entry) });
        return Announce("refund");
    }

    public async Task<WalletStanding> OpenDisputeAsync(string disputeId)
    {
        RequireDisputeId(disputeId);
        await EnsureOpenAsync();
        if (!_wallet.State.OpenDisputes.Contains(disputeId))
        {
            await _wallet.CommitAsync(_wallet.State with { OpenDisputes = [.. _wallet.State.OpenDisputes, disputeId] });
            return Announce("dispute");
        }

        await _wallet.WhenWrittenAsync();
        return Standing();
    }

    public async Task<WalletStanding> CloseDisputeAsync(string? disputeId)
    {
        if (disputeId is not null)
        {
            RequireDisputeId(disputeId);
        }

        await EnsureOpenAsync();
        var open = _wallet.State.OpenDisputes;
        var left = disputeId is null ? [] : open.Where(d => d != disputeId).ToArray();
        if (left.Length != open.Length)
        {
            await _wallet.CommitAsync(_wallet.State with { OpenDisputes = left });
            return Announce("dispute-closed");
        }

        await _wallet.WhenWrittenAsync();
        return Standing();
    }

    public async Task<WalletStanding> GetStandingAsync()
    {
        await EnsureOpenAsync();
        return Standing();
    }

    /// <summary>Whether an entry with this key exists (once it is written); a key used for another kind is a conflict.</summary>
    private async Task<bool> AlreadyAppliedAsync(string key, LedgerKind kind)
    {
        if (!_byKey.TryGetValue(key, out var earlier))
        {
            return false;
        }

        if (earlier.Kind != kind)
        {
            throw new DomainException(ErrorCodes.Conflict, "This idempotency key was used for something else.") { Field = "idempotencyKey" };
        }

        await _wallet.WhenWrittenAsync();
        return true;
    }

    private WalletStanding Standing() => new(_wallet.State.Balance, _wallet.State.OpenDisputes);

    /// <summary>Tells the user's connections (one-way: a client that misses it reads the balance again).</summary>
    private WalletStanding Announce(string reason)
    {
        var standing = Standing();
        GrainFactory.Get<IUserEventsGrain>(UserId).PublishAsync(new WalletChanged
        {
            UserId = UserId,
            At = time.GetUtcNow(),
            Balance = standing.Balance,
            Reason = reason,
            Frozen = standing.Frozen,
            FrozenReason = standing.FrozenReason,
        }).Ignore();
        return standing;
    }

    private static void RequireKey(string? key)
    {
        if (!KeyPattern().IsMatch(key ?? string.Empty))
        {
            throw DomainException.InvalidInput("idempotencyKey", "An idempotency key is 8–64 letters, digits, '_' or '-'.");
        }
    }

    private static void RequireDisputeId(string disputeId)
    {
        if (!KeyPattern().IsMatch(disputeId ?? string.Empty))
        {
            throw DomainException.InvalidInput("disputeId", "A dispute id is 8–64 letters, digits, '_' or '-'.");
        }
    }
}
