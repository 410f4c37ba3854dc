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
            if (await catalog.FindAsync(signal.StreamId) is { } live)
            {
                enriched = signal with { CreatorId = live.CreatorId, Category = live.Category, Tags = live.Tags, Title = live.Title };
            }
            else if (await GrainFactory.Get<IStreamGrain>(signal.StreamId).GetAsync() is { } stream)
            {
                enriched = signal with { CreatorId = stream.CreatorId, Category = stream.Category, Tags = stream.Tags, Title = stream.Title };
            }
            else
            {
                return;
            }
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
