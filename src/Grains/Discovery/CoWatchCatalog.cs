using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// This silo's copy of the co-watch similarities between the creators live now and the creators their viewers also
/// watched (<see cref="CoWatchSimilarities"/>). Read from the shards in two rounds (the live creators' rows, then the
/// viewer counts of the creators they name), again once older than <see cref="MaxAge"/>.
/// </summary>
public sealed class CoWatchCatalog
{
    /// <summary>How old the copy may be: co-watching changes slowly, and a refresh reads every shard twice.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly RefreshedCopy<CoWatchSimilarities> _copy;

    public CoWatchCatalog(IGrainFactory grains, LiveCatalog live, IOptions<RankingOptions> options, [FromKeyedServices(GrainClock.Key)] TimeProvider time) =>
        _copy = new(async () => await ReadAsync(grains, live, options.Value), MaxAge, time);

    public ValueTask<CoWatchSimilarities> GetAsync() => _copy.GetAsync();

    private static async Task<CoWatchSimilarities> ReadAsync(IGrainFactory grains, LiveCatalog live, RankingOptions options)
    {
        var creators = (await live.GetAsync()).Streams.Select(s => s.CreatorId).Distinct().ToList();
        var rows = (await Task.WhenAll(creators.GroupBy(CoWatchShards.Of)
            .Select(g => grains.Get<ICoWatchGrain>(g.Key).RowsAsync([.. g])))).SelectMany(r => r).ToList();
        var named = rows.SelectMany(r => r.CoViewers.Keys).Distinct().ToList();
        var viewers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var counts in await Task.WhenAll(named.GroupBy(CoWatchShards.Of).Select(g => grains.Get<ICoWatchGrain>(g.Key).ViewersAsync([.. g]))))
        {
            foreach (var (creator, count) in counts)
            {
                viewers[creator] = count;
            }
        }

        foreach (var row in rows)
        {
            viewers[row.Creator] = row.Viewers;
        }

        return CoWatchSimilarities.From(rows, viewers, options);
    }
}

/// <summary>
/// The co-watch neighbours among the creators live now, the only ones a ranking can use: built from their rows, so
/// the neighbours of any creator (a viewer's favourite who is offline, say) are the live creators whose rows name it.
/// Similarity as <see cref="CoWatchIndex"/> has it: shared viewers / (√(viewers of one × viewers of the other) +
/// shrinkage), so two small audiences that share a viewer or two do not look alike.
/// </summary>
public sealed class CoWatchSimilarities(IReadOnlyDictionary<string, CoWatchNeighbour[]> byCreator) : ICoWatchLookup
{
    public static readonly CoWatchSimilarities Empty = new(new Dictionary<string, CoWatchNeighbour[]>());

    public IReadOnlyList<CoWatchNeighbour> NeighboursOf(string creatorId) => byCreator.GetValueOrDefault(creatorId) ?? [];

    public static CoWatchSimilarities From(IEnumerable<CoWatchRow> liveRows, IReadOnlyDictionary<string, int> viewers, RankingOptions options)
    {
        var byCreator = new Dictionary<string, List<CoWatchNeighbour>>(StringComparer.Ordinal);
        foreach (var row in liveRows)
        {
            foreach (var (other, together) in row.CoViewers)
            {
                var theirs = Math.Max(together, viewers.GetValueOrDefault(other));
                var similarity = (float)(together / (Math.Sqrt((double)Math.Max(row.Viewers, together) * theirs) + options.CoWatchShrinkage));
                if (!byCreator.TryGetValue(other, out var list))
                {
                    byCreator[other] = list = [];
                }

                list.Add(new CoWatchNeighbour(row.Creator, similarity));
            }
        }

        return new(byCreator.ToDictionary(
            c => c.Key,
            c => c.Value
                .OrderByDescending(n => n.Similarity).ThenBy(n => n.CreatorId, StringComparer.Ordinal)
                .Take(options.CoWatchNeighbours).ToArray(),
            StringComparer.Ordinal));
    }
}
