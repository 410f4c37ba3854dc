using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Discovery;

namespace LiveStreamX.Api.Realtime;

public sealed partial class LiveHub
{
    /// <summary>Tells discovery, one way, that a signed-in viewer opened or left a stream: the hub method never waits for it.</summary>
    private void SignalWatch(SignalKind kind, string streamId)
    {
        if (Context.User.ToActor() is { } actor)
        {
            grains.Get<IDiscoverySignalsGrain>(0).RecordAsync(new ViewerSignal(actor.UserId, kind, streamId, DateTimeOffset.UtcNow)).Ignore();
        }
    }
}
