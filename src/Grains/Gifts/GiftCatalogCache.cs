using LiveStreamX.Gifts;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Gifts;

/// <summary>
/// The gift catalog as this silo last read it, so sending a gift costs no call to the catalog's one grain (every
/// gift of the cluster called it). A read older than <see cref="MaxAge"/> is read again, a code it does not know
/// at once (a gift just added is sendable at once), one read at a time per silo; a change made through this silo's
/// catalog grain drops it.
/// </summary>
/// <remarks>
/// Consistent enough because the catalog changes rarely and only by an admin, and a gift's price travels with it:
/// the wallet debits the tokens of the gift record it read and hands that same record to the earnings and the
/// stream, so every ledger entry of a transfer agrees whatever the catalog says meanwhile. The one window: a
/// retired (or repriced) gift may still be sent at its old terms on another silo for up to <see cref="MaxAge"/>.
/// </remarks>
public sealed class GiftCatalogCache(IGrainFactory grains, [FromKeyedServices(GrainClock.Key)] TimeProvider time)
{
    /// <summary>How old a silo's copy of the catalog may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _reading;

    /// <summary>The gift with this code, active or retired, or null if the catalog has none.</summary>
    public async ValueTask<Gift?> GetAsync(string code)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt >= MaxAge || !snapshot.Gifts.ContainsKey(code))
        {
            snapshot = await ReadAsync(snapshot);
        }

        return snapshot.Gifts.GetValueOrDefault(code);
    }

    /// <summary>Forgets this silo's copy: the next gift reads the catalog again.</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    private Task<Snapshot> ReadAsync(Snapshot? stale)
    {
        lock (_lock)
        {
            if (_snapshot != stale && _snapshot is { } newer)
            {
                return Task.FromResult(newer);
            }

            // Off any grain's scheduler: many grains await the one read.
            return _reading ??= Task.Run(async () =>
            {
                try
                {
                    var gifts = await grains.GetGrain<IGiftCatalogGrain>(0).ListAsync();
                    var read = new Snapshot(gifts.ToDictionary(g => g.Code), time.GetUtcNow());
                    Volatile.Write(ref _snapshot, read);
                    return read;
                }
                finally
                {
                    lock (_lock)
                    {
                        _reading = null;
                    }
                }
            });
        }
    }

    private sealed record Snapshot(Dictionary<string, Gift> Gifts, DateTimeOffset ReadAt);
}
