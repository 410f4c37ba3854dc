using LiveStreamX.Common;
using LiveStreamX.Wallets;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// Re-adds every ledger of the cluster: each wallet's and earnings' balances against their entries, and in total the
/// three equations of the economy (<see cref="LedgerEquations"/>).
/// </summary>
[StatelessWorker(1)]
public sealed class LedgerAuditGrain : Grain, ILedgerAuditGrain
{
    private const int Parallelism = 32;

    public async Task<LedgerVerification> VerifyAsync()
    {
        var users = new List<string>();
        for (var shard = 0; shard < WalletRegistry.Shards; shard++)
        {
            users.AddRange(await GrainFactory.Get<IWalletRegistryGrain>(shard).ListAsync());
        }

        var wallets = new List<LedgerAudit>();
        var earnings = new List<LedgerAudit>();
        foreach (var batch in users.Chunk(Parallelism))
        {
            wallets.AddRange(await Task.WhenAll(batch.Select(u => GrainFactory.Get<IWalletGrain>(u).AuditAsync())));
            earnings.AddRange(await Task.WhenAll(batch.Select(u => GrainFactory.Get<IEarningsGrain>(u).AuditAsync())));
        }

        var problems = wallets.Concat(earnings)
            .Where(a => !a.Consistent)
            .Select(a => $"{a.UserId}: balance {a.Balance} vs ledger {a.LedgerSpendable}, earnings {a.Earnings} vs ledger {a.LedgerEarnings}, platform {a.PlatformShare} vs ledger {a.LedgerPlatform}")
            .ToList();
        problems.AddRange(earnings
            .Where(a => a.PayoutsNet != a.PaidOut + a.PayoutsInFlight)
            .Select(a => $"{a.UserId}: payouts debited {a.PayoutsNet} ≠ paid out {a.PaidOut} + in flight {a.PayoutsInFlight}"));

        var equations = LedgerEquations.Of(wallets, earnings);
        problems.AddRange(equations.Where(e => !e.Ok).Select(e => $"{e.Statement}: {e.Left} ≠ {e.Right}."));

        var debits = wallets.Sum(a => a.Debits);
        var refunds = wallets.Sum(a => a.Refunds);
        return new LedgerVerification(problems.Count == 0, users.Count, debits, earnings.Sum(a => a.LedgerEarnings),
            earnings.Sum(a => a.LedgerPlatform), refunds, wallets.Sum(a => a.InFlight), wallets.Sum(a => a.Balance),
            wallets.Sum(a => a.Created), problems, equations);
    }
}

/// <summary>The three equations every ledger of the cluster must satisfy together.</summary>
public static class LedgerEquations
{
    public static IReadOnlyList<LedgerEquation> Of(IReadOnlyList<LedgerAudit> wallets, IReadOnlyList<LedgerAudit> earnings)
    {
        var created = wallets.Sum(a => a.Created);
        var held = wallets.Sum(a => a.Balance);
        var debits = wallets.Sum(a => a.Debits);
        var refunds = wallets.Sum(a => a.Refunds);
        var reversed = wallets.Sum(a => a.Reversed);
        var inFlightGifts = wallets.Sum(a => a.InFlight);
        var creatorShares = earnings.Sum(a => a.Earned);
        var platform = earnings.Sum(a => a.LedgerPlatform);
        var earningsNow = earnings.Sum(a => a.Earnings);
        var paidOut = earnings.Sum(a => a.PaidOut);
        var payoutsInFlight = earnings.Sum(a => a.PayoutsInFlight);

        return
        [
            // Every token that exists came from a grant, a purchase or its bonus; it is held, was spent on a gift, or
            // was taken back by a refund (a balance below zero holds a negative amount).
            new("tokens", "tokens created = tokens held + tokens spent + tokens taken back", created, held + (debits - refunds) + reversed,
                new Dictionary<string, long>
                {
                    ["created"] = created, ["held"] = held, ["spent"] = debits - refunds, ["takenBack"] = reversed,
                }),

            // Every gift's tokens went to its creator and the platform, or are on their way (a wallet's outbox).
            new("spends", "tokens spent = creator shares + platform share + in flight", debits - refunds, creatorShares + platform + inFlightGifts,
                new Dictionary<string, long>
                {
                    ["spent"] = debits - refunds, ["creatorShares"] = creatorShares, ["platformShare"] = platform, ["inFlight"] = inFlightGifts,
                }),

            // Creators' shares are still earnings (withdrawable or held), paid out, or in a payout not yet paid.
            new("earnings", "earnings = withdrawable and held + paid out + payouts in flight", creatorShares, earningsNow + paidOut + payoutsInFlight,
                new Dictionary<string, long>
                {
                    ["earned"] = creatorShares, ["earnings"] = earningsNow, ["paidOut"] = paidOut, ["inFlight"] = payoutsInFlight,
                }),
        ];
    }
}
