using LiveStreamX.Common;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>Reads and archives one ledger (a wallet's or an earnings ledger) around its <see cref="LedgerTail"/>.</summary>
internal sealed class LedgerBook(IGrainFactory grains, string ledger, string userId, int pageSize)
{
    public const int MaxPage = 100;

    /// <summary>Archives the tail when it is full, so the next entry fits. Archiving the same page twice is harmless.</summary>
    public async Task<LedgerTail> MakeRoomAsync(LedgerTail tail)
    {
        if (tail.Entries.Length < pageSize)
        {
            return tail;
        }

        await Page(tail.SealedPages).WriteAsync(tail.Entries);
        return tail with { Entries = [], SealedPages = tail.SealedPages + 1 };
    }

    /// <summary>
    /// Archives the tail's oldest full page, for owners that let the tail grow past a page while a write is in
    /// flight (group commit). Returns the tail without that page, or null if <paramref name="current"/> no longer
    /// holds it (a failed write took entries back meanwhile).
    /// </summary>
    public async Task<LedgerTail?> SealOldestPageAsync(LedgerTail tail, Func<LedgerTail> current)
    {
        if (tail.Entries.Length < pageSize)
        {
            return tail;
        }

        var page = tail.SealedPages;
        var entries = tail.Entries[..pageSize];
        await Page(page).WriteAsync(entries);
        var now = current();
        return now.SealedPages == page && now.Entries.Length >= pageSize && now.Entries[0].No == entries[0].No
            ? now with { Entries = now.Entries[pageSize..], SealedPages = page + 1 }
            : null;
    }

    /// <summary>Entries newest first with numbers below <paramref name="before"/>.</summary>
    public async Task<LedgerPage> ReadAsync(LedgerTail tail, int limit, long? before)
    {
        limit = Math.Clamp(limit, 1, MaxPage);
        var below = Math.Min(before ?? long.MaxValue, tail.LastNo + 1);
        var result = new List<LedgerEntry>(limit);
        result.AddRange(tail.Entries.Where(e => e.No < below).Reverse().Take(limit));
        for (var page = tail.SealedPages - 1; page >= 0 && result.Count < limit; page--)
        {
            if ((long)page * pageSize + 1 >= below)
            {
                continue;
            }

            var entries = await Page(page).ReadAsync();
            result.AddRange(entries.Where(e => e.No < below).Reverse().Take(limit - result.Count));
        }

        var next = result.Count == limit && result[^1].No > 1 ? result[^1].No : (long?)null;
        return new LedgerPage(result, next);
    }

    /// <summary>The last <paramref name="pages"/> archived pages and the tail, oldest first.</summary>
    public async Task<List<LedgerEntry>> RecentAsync(LedgerTail tail, int pages)
    {
        var result = new List<LedgerEntry>();
        for (var page = Math.Max(0, tail.SealedPages - pages); page < tail.SealedPages; page++)
        {
            result.AddRange(await Page(page).ReadAsync());
        }

        result.AddRange(tail.Entries);
        return result;
    }

    /// <summary>Every entry, archived pages included, oldest first.</summary>
    public Task<List<LedgerEntry>> AllAsync(LedgerTail tail) => RecentAsync(tail, tail.SealedPages);

    private ILedgerArchiveGrain Page(int page) => grains.Get<ILedgerArchiveGrain>($"{ledger}/{userId}/{page}");
}
