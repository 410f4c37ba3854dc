using LiveStreamX.Common;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Wallets;

/// <summary>Reads and archives one ledger (a wallet's or an earnings ledger) around its <see cref="LedgerTail"/>. One per owner activation.</summary>
internal sealed class LedgerBook(IGrainFactory grains, string ledger, string userId, int pageSize)
{
    public const int MaxPage = 100;

    private Task _sealing = Task.CompletedTask;

    /// <summary>
    /// Archives the tail's full pages, one archiving at a time, so the owner's next entries enter a tail that holds
    /// less than a page. The tail may grow past a page meanwhile (other calls go on while a page is archived); the
    /// page archived is always entries p·size+1 … (p+1)·size, and only once all of them are written: an entry a
    /// failed write takes back (its number then goes to another entry) never reaches an archived page, which is
    /// written once. Archiving the same page twice is harmless.
    /// </summary>
    /// <param name="current">The owner's tail as it is now (in memory, written or about to be).</param>
    /// <param name="writtenNo">The highest entry number the owner's storage holds.</param>
    /// <param name="whenWritten">Completes when what the owner holds in memory now is written.</param>
    /// <param name="replace">Puts the tail without the archived page in the owner's state, written with its next write.</param>
    public async Task SealFullPagesAsync(Func<LedgerTail> current, Func<long> writtenNo, Func<Task> whenWritten, Action<LedgerTail> replace)
    {
        while (current().Entries.Length >= pageSize)
        {
            if (current().Entries[pageSize - 1].No > writtenNo())
            {
                try
                {
                    await whenWritten();
                }
                catch (DomainException)
                {
                    // Another call's write failed and took its entries back: the tail is looked at again.
                }

                continue;
            }

            if (_sealing.IsCompleted)
            {
                _sealing = SealOldestPageAsync(current, replace);
            }

            await _sealing;
        }
    }

    private async Task SealOldestPageAsync(Func<LedgerTail> current, Action<LedgerTail> replace)
    {
        var tail = current();
        var page = tail.SealedPages;
        var entries = tail.Entries[..pageSize];
        await Page(page).WriteAsync(entries);

        // Unless a failed write took entries back meanwhile (their numbers may be reused): the next call archives again.
        var now = current();
        if (now.SealedPages == page && now.Entries.Length >= pageSize && now.Entries.AsSpan(0, pageSize).SequenceEqual(entries))
        {
            replace(now with { Entries = now.Entries[pageSize..], SealedPages = page + 1 });
        }
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
