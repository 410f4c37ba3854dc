using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Discovery;

/// <summary>Rankings without a viewer, on the silo's copies of the live index and the co-watch neighbours.</summary>
// A stateless worker: pure reads of silo memory, so any silo answers and none queues.
[StatelessWorker]
public sealed class RecommenderGrain(
    Ranker ranker, LiveCatalog live, CoWatchCatalog coWatch, [FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, IRecommenderGrain
{
    public async Task<RecommendationList> ColdStartAsync(int limit)
    {
        var streams = await live.GetAsync();
        return new RecommendationList(ranker.Rank(new RankingRequest(null, streams.Streams, time.GetUtcNow(), limit)), ColdStart: true);
    }

    public async Task<RecommendationList> SimilarAsync(string streamId, int limit)
    {
        var streams = await live.GetAsync();
        var now = time.GetUtcNow();
        var stream = streams.ById.GetValueOrDefault(streamId)
            ?? (await GrainFactory.Get<IStreamGrain>(streamId).GetAsync() is { } info ? LiveCandidates.Of(info, null, now) : null)
            ?? throw DomainException.NotFound($"There is no stream '{streamId}'.");
        return new RecommendationList(ranker.Similar(stream, streams.Streams, now, limit, await coWatch.GetAsync()), ColdStart: false);
    }
}
