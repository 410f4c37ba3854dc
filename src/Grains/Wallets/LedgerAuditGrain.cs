using LiveStreamX.Common;
using LiveStreamX.Wallets;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// Re-adds every ledger of the cluster: each wallet's and earnings' balances against their entries, and in total
/// debits = earnings + platform share + refunds + gifts still in flight.
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
        var debits = wallets.Sum(a => a.Debits);
        var earned = earnings.Sum(a => a.LedgerEarnings);
        var platform = earnings.Sum(a => a.LedgerPlatform);
        var refunds = wallets.Sum(a => a.Refunds);
        var inFlight = wallets.Sum(a => a.InFlight);
        if (debits != earned + platform + refunds + inFlight)
        {
            problems.Add($"Debits {debits} ≠ earnings {earned} + platform share {platform} + refunds {refunds} + in flight {inFlight}.");
        }

        var granted = wallets.Sum(a => a.LedgerSpendable + a.Debits - a.Refunds);
        return new LedgerVerification(problems.Count == 0, users.Count, debits, earned, platform, refunds, inFlight,
            wallets.Sum(a => a.Balance), granted, problems);
    }
}
