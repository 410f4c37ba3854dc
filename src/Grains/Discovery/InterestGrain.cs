using LiveStreamX.Discovery;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// One viewer's interests (the ranking library's <see cref="InterestState"/>), learned from their signals and written
/// behind (at most once a second: a crash loses a second of learning, never a request), and their "For you" ranked
/// in one call on memory: this state, and the silo's copies of the live index and the co-watch neighbours. A first
/// watch of a creator also feeds the co-watch index, one way.
/// </summary>
// Non-reentrant, and a signal is applied in one turn; a ranking interleaves (it only reads, after its awaits).
public sealed class InterestGrain(
    [PersistentState("interest", StorageNames.Default)] IPersistentState<InterestState> interest,
    IGrainContext grainContext,
    Ranker ranker,
    LiveCatalog live,
    CoWatchCatalog coWatch,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<InterestGrain> logger) : Grain, IInterestGrain
{
    private readonly StoredState<InterestState> _store = new(grainContext, interest, "interest", logger, "Interests could not be saved.");

    public Task RecordAsync(ViewerSignal signal)
    {
        if (ToInterest(signal) is not { } learned)
        {
            return Task.CompletedTask;
        }

        var state = _store.State;
        if (learned.Kind is InterestSignalKind.WatchStarted or InterestSignalKind.Watched && !state.Creators.ContainsKey(learned.CreatorId))
        {
            RecordCoWatch(learned.CreatorId, [.. CoWatchIndex.StrongestCreators(state, learned.At, ranker.Options.CoWatchSeeds, ranker.Options).Select(c => c.CreatorId)]);
        }

        InterestModel.Apply(state, learned, ranker.Options);
        _store.Changed();
        return Task.CompletedTask;
    }

    public async Task<RecommendationList> RecommendAsync(int limit)
    {
        var streams = await live.GetAsync();
        var neighbours = await coWatch.GetAsync();
        var state = _store.State;
        var items = ranker.Rank(new RankingRequest(state, streams.Streams, time.GetUtcNow(), limit) { CoWatch = neighbours });
        return new RecommendationList(items, InterestModel.IsCold(state));
    }

    public Task<InterestSummary> GetSummaryAsync()
    {
        var now = time.GetUtcNow();
        var state = _store.State;
        return Task.FromResult(new InterestSummary(
            [.. CoWatchIndex.StrongestCreators(state, now, 10, ranker.Options).Select(c => c.CreatorId)],
            [.. state.Categories.OrderByDescending(c => c.Value.Value).Take(10).Select(c => c.Key)],
            state.SignalCount));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _store.FlushAsync(cancellationToken);

    private static InterestSignal? ToInterest(ViewerSignal signal)
    {
        InterestSignalKind? kind = signal.Kind switch
        {
            SignalKind.Join => InterestSignalKind.WatchStarted,
            SignalKind.Watch => InterestSignalKind.Watched,
            SignalKind.Chat => InterestSignalKind.Chat,
            SignalKind.Gift => InterestSignalKind.Gift,
            SignalKind.Reaction => InterestSignalKind.Reaction,
            SignalKind.Follow => InterestSignalKind.Follow,
            SignalKind.Unfollow => InterestSignalKind.Unfollow,
            // A leave ends a session whose visible time the heartbeats already counted.
            _ => null,
        };
        if (kind is not { } k || signal.CreatorId is not { Length: > 0 } creator)
        {
            return null;
        }

        // Watch time arrives in seconds, the model counts minutes.
        var amount = k == InterestSignalKind.Watched ? signal.Amount / 60.0 : signal.Amount;
        return new InterestSignal(
            k, creator, signal.CreatorHandle ?? creator, signal.StreamId, signal.Category ?? string.Empty, signal.Tags, signal.TitleTerms, amount, signal.At);
    }

    // The viewer's strongest creators before this one pair with it, in both creators' rows (each in its own shard).
    private void RecordCoWatch(string creator, IReadOnlyList<string> before)
    {
        var pairs = new List<CoWatch>(before.Count + 1) { new(creator, NewViewer: true, before) };
        pairs.AddRange(before.Select(other => new CoWatch(other, NewViewer: false, [creator])));
        foreach (var shard in pairs.GroupBy(p => CoWatchShards.Of(p.Creator)))
        {
            GrainFactory.GetGrain<ICoWatchGrain>(shard.Key).RecordAsync([.. shard]).Ignore();
        }
    }
}
