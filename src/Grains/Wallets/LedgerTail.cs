using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// The newest entries of a ledger, kept in the owner's state; full pages move to <see cref="ILedgerArchiveGrain"/>
/// so a write stays small however long the ledger grows. Page p holds entries p·size+1 … (p+1)·size.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.LedgerTail")]
public sealed record LedgerTail
{
    [Id(0)] public long LastNo { get; init; }

    [Id(1)] public LedgerEntry[] Entries { get; init; } = [];

    [Id(2)] public int SealedPages { get; init; }

    public LedgerTail Append(LedgerEntry entry) => this with { LastNo = entry.No, Entries = [.. Entries, entry] };
}
