using LiveStreamX.Common;
using LiveStreamX.Analytics;
using LiveStreamX.Discovery;
using LiveStreamX.Streams;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// Where signals and stream changes enter discovery, on each silo: a signal gets its stream's creator, category and
/// tags (from the silo's <see cref="LiveCatalog"/>, or the stream itself when the copy does not have it yet) and goes
/// on to the viewer's interest grain; a watch heartbeat also to the stream's analytics; a status change to the live
/// index's shard and the creator's followers.
/// </summary>
// A stateless worker: nothing to keep, and the senders (progression, streams, the hub) must never queue behind one activation.
[StatelessWorker]
public sealed class DiscoverySignalsGrain(LiveCatalog catalog) : Grain, IDiscoverySignalsGrain
{
    public async Task RecordAsync(ViewerSignal signal)
    {
        if (signal.Kind == SignalKind.Watch)
        {
            GrainFactory.Get<IStreamAnalyticsGrain>(signal.StreamId).RecordHeartbeatAsync(signal.UserId, signal.At).Ignore();
        }

        var enriched = signal;
        if (signal.StreamId.Length > 0)
        {
            var live = await catalog.FindAsync(signal.StreamId);
            if (live is null && await GrainFactory.Get<IStreamGrain>(signal.StreamId).GetAsync() is { } stream)
            {
                live = LiveCandidates.Of(stream, null, signal.At);
            }

            if (live is null)
            {
                return;
            }

            enriched = signal with
            {
                CreatorId = live.CreatorId,
                CreatorHandle = live.CreatorHandle,
                Category = live.Category,
                Tags = live.Tags,
                TitleTerms = live.TitleTerms,
            };
        }

        if (enriched.CreatorId is not null)
        {
            GrainFactory.Get<IInterestGrain>(signal.UserId).RecordAsync(enriched).Ignore();
        }
    }

    public async Task StreamChangedAsync(StreamInfo stream)
    {
        catalog.Apply(stream);
        GrainFactory.Get<IFollowersGrain>(stream.CreatorId).StreamChangedAsync(stream).Ignore();
        await GrainFactory.Get<ILiveIndexGrain>(LiveIndexShards.Of(stream.Id)).PutAsync(stream);
    }

    public Task ViewersChangedAsync(string streamId, int count) =>
        GrainFactory.Get<ILiveIndexGrain>(LiveIndexShards.Of(streamId)).UpdateViewersAsync(streamId, count);
}
