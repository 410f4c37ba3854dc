using System.Collections.Concurrent;

namespace LiveStreamX.LoadTest.Metrics;

/// <summary>
/// Matches gifts to their broadcasts by transfer id. The server broadcasts <c>gift:received</c> before the
/// sender's receipt returns, so an arrival may come first: it waits here until the receipt names its send time.
/// One observer per stream also counts each transfer it sees, which finds gifts lost or applied twice.
/// </summary>
public sealed class GiftBook(RunMetrics metrics)
{
    private readonly ConcurrentDictionary<string, Transfer> _transfers = new(StringComparer.Ordinal);

    /// <summary>The server acknowledged a gift meant to be sent at <paramref name="intendedMicros"/>.</summary>
    public void Accepted(string transferId, string streamId, long intendedMicros)
    {
        var transfer = _transfers.GetOrAdd(transferId, _ => new Transfer());
        List<long>? parked;
        lock (transfer)
        {
            if (transfer.StreamId is not null)
            {
                return;
            }

            transfer.StreamId = streamId;
            transfer.IntendedMicros = intendedMicros;
            parked = transfer.Parked;
            transfer.Parked = null;
        }

        foreach (var arrived in parked ?? [])
        {
            metrics.Latent(intendedMicros, arrived);
        }
    }

    /// <summary>A viewer received the broadcast of a transfer.</summary>
    public void Arrived(string transferId, long arrivedMicros, bool observer)
    {
        var transfer = _transfers.GetOrAdd(transferId, _ => new Transfer());
        long intended;
        lock (transfer)
        {
            if (observer)
            {
                transfer.Observed++;
            }

            if (transfer.StreamId is null)
            {
                (transfer.Parked ??= []).Add(arrivedMicros);
                return;
            }

            intended = transfer.IntendedMicros;
        }

        metrics.Latent(intended, arrivedMicros);
    }

    /// <summary>After the drain: acknowledged gifts the observer never saw, and gifts it saw more than once.</summary>
    public GiftCheck Check(IReadOnlyDictionary<string, long> serverTotals, IReadOnlyDictionary<string, long> expectedTotals, int walletMismatches)
    {
        long accepted = 0, lost = 0, doubled = 0, unacknowledged = 0;
        foreach (var transfer in _transfers.Values)
        {
            lock (transfer)
            {
                if (transfer.StreamId is null)
                {
                    unacknowledged++;
                    continue;
                }

                accepted++;
                lost += transfer.Observed == 0 ? 1 : 0;
                doubled += Math.Max(0, transfer.Observed - 1);
            }
        }

        var totalsMatch = expectedTotals.All(e => serverTotals.GetValueOrDefault(e.Key) == e.Value);
        return new GiftCheck(accepted, lost, doubled, unacknowledged, totalsMatch, walletMismatches);
    }

    private sealed class Transfer
    {
        public string? StreamId;
        public long IntendedMicros;
        public List<long>? Parked;
        public int Observed;
    }
}

/// <summary>
/// Gifts acknowledged; lost (acknowledged, never broadcast) and doubled (broadcast twice); broadcast without a
/// receipt (the send failed after the debit); whether each stream's gift total on the server equals the
/// acknowledged tokens; senders whose balance did not drop by exactly what they sent.
/// </summary>
public sealed record GiftCheck(long Accepted, long Lost, long Doubled, long Unacknowledged, bool TotalsMatch, int WalletMismatches);
