using LiveStreamX.Discovery;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// One shard of the co-watch index. Counts change in memory and are written behind (at most once a second): a
/// crash loses at most that second of counts, which only nudges a similarity.
/// </summary>
// Non-reentrant; its reads interleave, reading memory in one turn.
public sealed class CoWatchGrain(
    [PersistentState("co-watch", StorageNames.Default)] IPersistentState<CoWatchState> index,
    IGrainContext grainContext,
    ILogger<CoWatchGrain> logger) : Grain, ICoWatchGrain
{
    private readonly StoredState<CoWatchState> _store = new(grainContext, index, "co-watch", logger, "The co-watch index could not be saved.");

    public Task RecordAsync(IReadOnlyList<CoWatch> pairs)
    {
        foreach (var pair in pairs)
        {
            if (!_store.State.Creators.TryGetValue(pair.Creator, out var counts))
            {
                _store.State.Creators[pair.Creator] = counts = new CoWatchCounts();
            }

            if (pair.NewViewer)
            {
                counts.Viewers++;
            }

            foreach (var other in pair.With)
            {
                if (other != pair.Creator)
                {
                    counts.CoViewers[other] = counts.CoViewers.GetValueOrDefault(other) + 1;
                }
            }

            if (counts.CoViewers.Count > CoWatchShards.MaxNeighbours * 5 / 4)
            {
                // Pruned in steps, not at every new name: keeps the most shared.
                foreach (var least in counts.CoViewers.OrderBy(c => c.Value).Take(counts.CoViewers.Count - CoWatchShards.MaxNeighbours).Select(c => c.Key).ToList())
                {
                    counts.CoViewers.Remove(least);
                }
            }
        }

        _store.Changed();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CoWatchRow>> RowsAsync(IReadOnlyList<string> creators)
    {
        IReadOnlyList<CoWatchRow> rows =
        [
            .. creators.Distinct()
                .Where(_store.State.Creators.ContainsKey)
                .Select(c => new CoWatchRow(c, _store.State.Creators[c].Viewers, new Dictionary<string, int>(_store.State.Creators[c].CoViewers))),
        ];
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyDictionary<string, int>> ViewersAsync(IReadOnlyList<string> creators)
    {
        IReadOnlyDictionary<string, int> viewers = creators.Distinct()
            .Where(_store.State.Creators.ContainsKey)
            .ToDictionary(c => c, c => _store.State.Creators[c].Viewers);
        return Task.FromResult(viewers);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _store.FlushAsync(cancellationToken);
}
