using LiveStreamX.Common;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// Money out. A payout is debited from the earnings with its own ledger entry and kept in flight by payout id until
/// it is paid (out for good) or returned (an entry gives it back), so the earnings = withdrawable + held, and the
/// tokens earned = earnings + paid out + in flight, at every moment.
/// </summary>
public sealed partial class EarningsGrain
{
    private const long MaxPayout = 1_000_000_000;
    private static readonly TimeSpan RedeliverySlack = TimeSpan.FromHours(1);

    public async Task<PayoutBalance> GetPayoutBalanceAsync(TimeSpan hold)
    {
        var (held, _, _) = await HeldAsync(hold);
        return BalanceOf(_earnings.State, held);
    }

    public async Task<PayoutBalance> ReservePayoutAsync(PayoutReservation reservation)
    {
        if (reservation.Amount is <= 0 or > MaxPayout || string.IsNullOrEmpty(reservation.PayoutId))
        {
            throw DomainException.InvalidInput("amount", "A payout is 1–1,000,000,000 tokens.");
        }

        while (true)
        {
            await SealFullPagesAsync();
            var (held, seenNo, sealedPages) = await HeldAsync(reservation.Hold);

            // From here to the commit: one turn. Earnings entered since the sum was taken (in the tail, unless a page
            // was archived meanwhile: then the sum is taken again) are still held.
            var state = _earnings.State;
            if (state.PayoutsInFlight.ContainsKey(reservation.PayoutId))
            {
                await _earnings.WhenWrittenAsync();
                return BalanceOf(_earnings.State, held);
            }

            if (state.Ledger.SealedPages != sealedPages)
            {
                continue;
            }

            var cutoff = time.GetUtcNow() - reservation.Hold;
            held += state.Ledger.Entries.Where(e => e.No > seenNo && e.Kind == LedgerKind.Earning && e.At > cutoff).Sum(e => e.Amount);
            var balance = BalanceOf(state, held);
            if (reservation.Amount > balance.Withdrawable)
            {
                throw new DomainException(ErrorCodes.InsufficientFunds,
                    $"{reservation.Amount} tokens is more than the {balance.Withdrawable} withdrawable ({balance.Held} still held).") { Field = "amount" };
            }

            var entry = new LedgerEntry(state.Ledger.LastNo + 1, LedgerKind.PayoutDebit, LedgerAccount.Earnings, -reservation.Amount,
                Counterparty: null, IdempotencyKey: null, reservation.PayoutId, time.GetUtcNow(), state.Earnings - reservation.Amount);
            var next = state with
            {
                Earnings = entry.BalanceAfter,
                Ledger = state.Ledger.Append(entry),
                PayoutsInFlight = new(state.PayoutsInFlight) { [reservation.PayoutId] = reservation.Amount },
            };
            await _earnings.CommitAsync(next);
            return BalanceOf(next, held);
        }
    }

    public async Task<PayoutBalance> SettlePayoutAsync(string payoutId, bool paid, TimeSpan hold)
    {
        await SealFullPagesAsync();
        var state = _earnings.State;
        if (!state.PayoutsInFlight.TryGetValue(payoutId, out var amount))
        {
            // Settled before (or never reserved): nothing moves twice.
            await _earnings.WhenWrittenAsync();
            return await GetPayoutBalanceAsync(hold);
        }

        var inFlight = new Dictionary<string, long>(state.PayoutsInFlight);
        inFlight.Remove(payoutId);
        if (paid)
        {
            await _earnings.CommitAsync(state with { PayoutsInFlight = inFlight, PaidOut = state.PaidOut + amount });
        }
        else
        {
            var entry = new LedgerEntry(state.Ledger.LastNo + 1, LedgerKind.PayoutReturn, LedgerAccount.Earnings, amount,
                Counterparty: null, IdempotencyKey: null, payoutId, time.GetUtcNow(), state.Earnings + amount);
            await _earnings.CommitAsync(state with { Earnings = entry.BalanceAfter, Ledger = state.Ledger.Append(entry), PayoutsInFlight = inFlight });
        }

        return await GetPayoutBalanceAsync(hold);
    }

    /// <summary>
    /// The earnings entered after now − <paramref name="hold"/>, read newest first until one older by an hour; with the last
    /// entry number and the number of archived pages it saw.
    /// </summary>
    private async Task<(long Held, long SeenNo, int SealedPages)> HeldAsync(TimeSpan hold)
    {
        var tail = _earnings.State.Ledger;
        var cutoff = time.GetUtcNow() - hold;
        long held = 0;
        long? before = null;
        while (true)
        {
            var page = await _book.ReadAsync(tail, LedgerBook.MaxPage, before);
            foreach (var entry in page.Entries)
            {
                // A gift redelivered after a crash may be entered after younger ones: the scan goes an hour past the cutoff.
                if (entry.At <= cutoff - RedeliverySlack && entry.Kind == LedgerKind.Earning)
                {
                    return (held, tail.LastNo, tail.SealedPages);
                }

                if (entry.Kind == LedgerKind.Earning && entry.At > cutoff)
                {
                    held += entry.Amount;
                }
            }

            if (page.NextBefore is not { } next)
            {
                return (held, tail.LastNo, tail.SealedPages);
            }

            before = next;
        }
    }

    private static PayoutBalance BalanceOf(EarningsState state, long held)
    {
        var heldNow = Math.Min(held, Math.Max(0, state.Earnings));
        return new PayoutBalance(state.Earnings, heldNow, Math.Max(0, state.Earnings - heldNow), state.PayoutsInFlight.Values.Sum(), state.PaidOut);
    }

    private Task SealFullPagesAsync() =>
        _book.SealFullPagesAsync(
            () => _earnings.State.Ledger,
            () => _earnings.Written.Ledger.LastNo,
            _earnings.WhenWrittenAsync,
            tail => _earnings.State = _earnings.State with { Ledger = tail });
}
