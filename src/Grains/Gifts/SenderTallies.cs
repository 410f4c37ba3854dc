using LiveStreamX.Grains.Hosting;
using LiveStreamX.Common;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Gifts;

/// <summary>
/// What a gift receiver (a stream, a creator's earnings) keeps per sender: the highest transfer number applied,
/// so a repeated delivery applies nothing, and the sender's tokens so far. The senders are spread over
/// <see cref="BucketCount"/> persistent states of the receiver, so a gift rewrites only its sender's bucket, not
/// every sender the receiver ever had.
/// </summary>
/// <remarks>
/// Create it in the grain's constructor: the buckets are read with the grain's other state, before activation.
/// Gifts that reach a bucket while its write is in flight share its next write (<see cref="StoredState{T}"/>).
/// The bucket count and the hash are part of the stored format; changing either needs a migration.
/// </remarks>
public sealed class SenderTallies
{
    public const int BucketCount = 32;

    private readonly StoredState<SenderTallyBucketState>[] _buckets;
    private long? _total;
    private SenderTallyView[]? _top;

    public SenderTallies(IPersistentStateFactory factory, IGrainContext grain, string name, ILogger logger, string unavailableMessage) =>
        _buckets = [.. Enumerable.Range(0, BucketCount).Select(i =>
        {
            var bucket = $"{name}-senders-{i:00}";
            return new StoredState<SenderTallyBucketState>(
                grain, factory.Create<SenderTallyBucketState>(grain, new BucketConfiguration(bucket)), bucket, logger, unavailableMessage);
        })];

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

    /// <summary>
    /// Applies a transfer in memory at once (so <see cref="HasApplied"/> sees it) and completes when the sender's
    /// bucket is written, with the other gifts that reached it meanwhile. On failure the bucket goes back to what
    /// was last written, for every gift of the batch, and this throws <c>unavailable</c>.
    /// </summary>
    public async Task RecordAsync(string senderId, string handle, long transferNo, long tokens)
    {
        var bucket = Bucket(senderId);
        var previous = bucket.State.Senders.GetValueOrDefault(senderId);
        // A new dictionary per change: the bucket being written and the one to go back to stay as they were.
        var senders = new Dictionary<string, SenderTally>(bucket.State.Senders)
        {
            [senderId] = new SenderTally(transferNo, (previous?.Tokens ?? 0) + tokens, handle),
        };
        _total = Total + tokens;
        _top = null;
        try
        {
            await bucket.CommitAsync(bucket.State with { Senders = senders });
        }
        catch
        {
            _total = null;
            _top = null;
            throw;
        }
    }

    /// <summary>Completes when the sender's bucket, as it is in memory now, is written.</summary>
    public Task WhenWrittenAsync(string senderId) => Bucket(senderId).WhenWrittenAsync();

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

        await Task.WhenAll(touched.Select(i => _buckets[i].WriteNowAsync()));
        _total = null;
        _top = null;
    }

    private StoredState<SenderTallyBucketState> Bucket(string senderId) => _buckets[BucketOf(senderId)];

    private static int BucketOf(string senderId) => (int)(ShardHash.Of(senderId) % BucketCount);

    private sealed record BucketConfiguration(string StateName) : IPersistentStateConfiguration
    {
        public string StorageName => StorageNames.Default;
    }
}

/// <summary>A sender as ranked by <see cref="SenderTallies.Top"/>.</summary>
public sealed record SenderTallyView(string UserId, string Handle, long Tokens);
