using LiveStreamX.Grains.Streams;
using LiveStreamX.Progression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace LiveStreamX.Grains.Progression;

/// <summary>
/// Carries one user's notifications to the Api nodes holding the user's connections: each node's observer is held
/// on a lease the node renews (as stream viewers' nodes are, with the same length), and every event goes one way
/// to each. Nothing is stored: a node that finds the grain gone registers again with its next renewal.
/// </summary>
// Non-reentrant, and every call is synchronous: a publish never waits for a node.
public sealed class UserEventsGrain(IOptions<StreamOptions> streamOptions, ILogger<UserEventsGrain> logger) : Grain, IUserEventsGrain
{
    private readonly ObserverManager<IUserEventObserver> _nodes = new(TimeSpan.FromSeconds(streamOptions.Value.NodeLeaseSeconds), logger);

    public Task SubscribeAsync(IUserEventObserver observer)
    {
        _nodes.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IUserEventObserver observer)
    {
        _nodes.Unsubscribe(observer);
        if (_nodes.Count == 0)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    public Task PublishAsync(UserEvent e)
    {
        // Lapsed leases are dropped here; a one-way call to a node that died fails nowhere but in its transport.
        _nodes.Notify(node => node.OnUserEventAsync(e).Ignore());
        return Task.CompletedTask;
    }
}
