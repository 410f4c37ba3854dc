using LiveStreamX.Grains.Hosting;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>One sealed page of a ledger; written once (again only with the same entries), then only read.</summary>
public sealed class LedgerArchiveGrain(
    [PersistentState("ledger-page", StorageNames.Default)] IPersistentState<LedgerArchiveState> page)
    : Grain, ILedgerArchiveGrain
{
    public async Task WriteAsync(LedgerEntry[] entries)
    {
        if (page.State.Entries.Length == entries.Length && page.RecordExists)
        {
            return;
        }

        page.State = new LedgerArchiveState { Entries = entries };
        await page.WriteStateAsync();
    }

    public Task<LedgerEntry[]> ReadAsync() => Task.FromResult(page.State.Entries);
}

/// <summary>The entries of one archived ledger page.</summary>
[GenerateSerializer, Alias("lsx.LedgerArchiveState")]
public sealed record LedgerArchiveState
{
    [Id(0)] public LedgerEntry[] Entries { get; init; } = [];
}
