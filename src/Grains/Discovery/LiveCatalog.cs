using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// This silo's copy of the live index (every shard merged), so that ranking reads memory, never a grain per
/// candidate: read again in the background once older than <see cref="MaxAge"/>. Go-lives and ends handed over on
/// this silo apply to the copy at once.
/// </summary>
public sealed class LiveCatalog
{
    /// <summary>How old a silo's copy may be before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly RefreshedCopy<LiveSnapshot> _copy;
    private readonly TimeProvider _time;

    public LiveCatalog(IGrainFactory grains, [FromKeyedServices(GrainClock.Key)] TimeProvider time)
    {
        _time = time;
        _copy = new(
            async () => new LiveSnapshot([.. (await Task.WhenAll(Enumerable.Range(0, LiveIndexShards.Count).Select(s => grains.Get<ILiveIndexGrain>(s).ListAsync()))).SelectMany(s => s)]),
            MaxAge,
            time);
    }

    /// <summary>The live streams as this silo last read them.</summary>
    public ValueTask<LiveSnapshot> GetAsync() => _copy.GetAsync();

    /// <summary>A stream's entry when it is live (as this silo last read it), or null.</summary>
    public async ValueTask<LiveCandidate?> FindAsync(string streamId) => (await GetAsync()).ById.GetValueOrDefault(streamId);

    /// <summary>Applies a go-live or end at once, ahead of the next read.</summary>
    public void Apply(StreamInfo stream) => _copy.Update(snapshot =>
    {
        var entries = snapshot.Streams.Where(e => e.StreamId != stream.Id).ToList();
        if (stream.Status == StreamStatus.Live)
        {
            entries.Add(LiveCandidates.Of(stream, snapshot.ById.GetValueOrDefault(stream.Id), _time.GetUtcNow()));
        }

        return new LiveSnapshot(entries);
    });
}

/// <summary>The streams live at one moment, by id.</summary>
public sealed class LiveSnapshot(IReadOnlyList<LiveCandidate> streams)
{
    public IReadOnlyList<LiveCandidate> Streams { get; } = streams;

    public IReadOnlyDictionary<string, LiveCandidate> ById { get; } = streams.ToDictionary(s => s.StreamId, StringComparer.Ordinal);
}
