using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// This silo's copy of the live index (every shard merged), so that ranking reads memory, never a grain per
/// candidate: a copy older than <see cref="MaxAge"/> is read again in the background while readers keep the one
/// they have (the first read waits). Go-lives and ends handed over on this silo apply to the copy at once.
/// </summary>
public sealed class LiveCatalog(IGrainFactory grains, [FromKeyedServices(GrainClock.Key)] TimeProvider time)
{
    /// <summary>How old a silo's copy may be before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _reading;

    /// <summary>The live streams as this silo last read them.</summary>
    public async ValueTask<LiveSnapshot> GetAsync()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
        {
            return (await ReadAsync()).Live;
        }

        if (time.GetUtcNow() - snapshot.ReadAt >= MaxAge)
        {
            ReadAsync().Ignore();
        }

        return snapshot.Live;
    }

    /// <summary>A stream's entry when it is live (as this silo last read it), or null.</summary>
    public async ValueTask<LiveEntry?> FindAsync(string streamId) => (await GetAsync()).ById.GetValueOrDefault(streamId);

    /// <summary>Applies a go-live or end at once, ahead of the next read.</summary>
    public void Apply(StreamInfo stream)
    {
        lock (_lock)
        {
            if (_snapshot is not { } snapshot)
            {
                return;
            }

            var entries = snapshot.Live.Streams.Where(e => e.StreamId != stream.Id).ToList();
            if (stream.Status == StreamStatus.Live)
            {
                var known = snapshot.Live.ById.GetValueOrDefault(stream.Id);
                entries.Add(new LiveEntry(
                    stream.Id, stream.CreatorId, stream.CreatorHandle, stream.Title, stream.Category, stream.Tags,
                    stream.StartedAt ?? time.GetUtcNow(), known?.Viewers ?? stream.ViewerCount, known?.ViewerVelocity ?? 0));
            }

            Volatile.Write(ref _snapshot, snapshot with { Live = new LiveSnapshot(entries) });
        }
    }

    private Task<Snapshot> ReadAsync()
    {
        lock (_lock)
        {
            // Off any grain's scheduler: many grains await the one read.
            return _reading ??= Task.Run(async () =>
            {
                try
                {
                    var shards = await Task.WhenAll(Enumerable.Range(0, LiveIndexShards.Count).Select(s => grains.Get<ILiveIndexGrain>(s).ListAsync()));
                    var read = new Snapshot(new LiveSnapshot([.. shards.SelectMany(s => s)]), time.GetUtcNow());
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

    private sealed record Snapshot(LiveSnapshot Live, DateTimeOffset ReadAt);
}

/// <summary>The streams live at one moment, by id.</summary>
public sealed class LiveSnapshot(IReadOnlyList<LiveEntry> streams)
{
    public IReadOnlyList<LiveEntry> Streams { get; } = streams;

    public IReadOnlyDictionary<string, LiveEntry> ById { get; } = streams.ToDictionary(s => s.StreamId, StringComparer.Ordinal);
}
