using Orleans.Concurrency;

namespace LiveStreamX.Progression;

/// <summary>
/// One user's notifications (<see cref="UserEvent"/>) on their way to the Api nodes that hold the user's
/// connections. Each such node registers one observer, on a lease it renews; a notification goes one way to every
/// registered node. Key: user id.
/// </summary>
[Alias("lsx.IUserEventsGrain")]
public interface IUserEventsGrain : IGrainWithStringKey
{
    /// <summary>Registers (or renews) a node's observer for this user's events.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IUserEventObserver observer);

    /// <summary>Drops a node's observer: the user's last connection there closed.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IUserEventObserver observer);

    /// <summary>Sends the event to every node that holds a connection of the user. Best effort: the state it announces is saved.</summary>
    [OneWay, Alias("Publish")]
    Task PublishAsync(UserEvent e);
}

/// <summary>An Api node's receiver of one user's events.</summary>
[Alias("lsx.IUserEventObserver")]
public interface IUserEventObserver : IGrainObserver
{
    [OneWay, Alias("OnUserEvent")]
    Task OnUserEventAsync(UserEvent e);
}
