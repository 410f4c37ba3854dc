using LiveStreamX.Grains.Hosting;
using LiveStreamX.Common;

namespace LiveStreamX.Grains.Gifts;

/// <summary>
/// What a gift receiver (a stream, a creator's earnings) keeps per sender: the highest transfer number applied,
/// so a repeated delivery applies nothing, and the sender's tokens so far. The senders are spread over
/// <see cref="BucketCount"/> persistent states of the receiver, so a gift rewrites only its sender's bucket, not
/// every sender the receiver ever had.
/// </summary>
/// <remarks>
/// Create it in the grain's constructor: the buckets are read with the grain's other state, before activation.
/// The bucket count and the hash are part of the stored format; changing either needs a migration.
/// </remarks>
public sealed class SenderTallies
{
    public const int BucketCount = 32;

    private readonly IPersistentState<SenderTallyBucketState>[] _buckets;
    private long? _total;
    private SenderTallyView[]? _top;

    public SenderTallies(IPersistentStateFactory factory, IGrainContext grain, string name) =>
        _buckets = [.. Enumerable.Range(0, BucketCount).Select(i =>
            factory.Create<SenderTallyBucketState>(grain, new BucketConfiguration($"{name}-senders-{i:00}")))];

    /// <summary>Tokens of every sender together.</summary>
    public long Total => _total ??= _buckets.Sum(b => b.State.Senders.Values.Sum(t => t.Tokens));

    public bool IsEmpty => _buckets.All(b => b.State.Senders.Count == 0);

    /// <summary>Whether the sender's transfer <paramref name="transferNo"/> (or a later one) was applied.</summary>
    public bool HasApplied(string senderId, long transferNo) =>
        Bucket(senderId).State.Senders.TryGetValue(senderId, out var tally) && tally.TransferNo >= transferNo;

    /// <summary>The senders with the most tokens, most first, ties by handle.</summary>
    public IReadOnlyList<SenderTallyView> Top(int count)
    {
        if (_top is null || _top.Length < count)
        {
            _top = [.. _buckets
                .SelectMany(b => b.State.Senders)
                .Select(s => new SenderTallyView(s.Key, s.Value.Handle, s.Value.Tokens))
                .OrderByDescending(s => s.Tokens)
                .ThenBy(s => s.Handle, StringComparer.Ordinal)
                .Take(count)];
        }

        return _top.Length > count ? _top[..count] : _top;
    }

    /// <summary>Applies a transfer and writes the sender's bucket; on failure nothing changes and it throws.</summary>
    public async Task RecordAsync(string senderId, string handle, long transferNo, long tokens)
    {
        // Changed in place (a grain runs one call at a time) and put back if the write fails: no copy per gift.
        var total = Total;
        var senders = Bucket(senderId).State.Senders;
        var had = senders.TryGetValue(senderId, out var previous);
        senders[senderId] = new SenderTally(transferNo, (previous?.Tokens ?? 0) + tokens, handle);
        try
        {
            await Bucket(senderId).WriteStateAsync();
        }
        catch
        {
            if (had)
            {
                senders[senderId] = previous!;
            }
            else
            {
                senders.Remove(senderId);
            }

            throw;
        }

        _total = total + tokens;
        _top = null;
    }

    /// <summary>
    /// Moves tallies kept before the buckets existed into them (each sender's transfer number and tokens); the
    /// caller clears its old copy only after this returns.
    /// </summary>
    public async Task ImportAsync(IEnumerable<(string SenderId, SenderTally Tally)> tallies)
    {
        var touched = new HashSet<int>();
        foreach (var (senderId, tally) in tallies)
        {
            var index = BucketOf(senderId);
            _buckets[index].State.Senders[senderId] = tally;
            touched.Add(index);
        }

        await Task.WhenAll(touched.Select(i => _buckets[i].WriteStateAsync()));
        _total = null;
        _top = null;
    }

    private IPersistentState<SenderTallyBucketState> Bucket(string senderId) => _buckets[BucketOf(senderId)];

    private static int BucketOf(string senderId) => (int)(ShardHash.Of(senderId) % BucketCount);

    private sealed record BucketConfiguration(string StateName) : IPersistentStateConfiguration
    {
        public string StorageName => StorageNames.Default;
    }
}

/// <summary>A sender as ranked by <see cref="SenderTallies.Top"/>.</summary>
public sealed record SenderTallyView(string UserId, string Handle, long Tokens);
