using LiveStreamX.Testing;
using LiveStreamX.Progression;

namespace LiveStreamX.Grains.Tests.Discovery;

/// <summary>Receives a user's events as an Api node does: an observer registered with the user's events grain.</summary>
internal sealed class UserEventProbe : IUserEventObserver
{
    private readonly List<UserEvent> _events = [];

    private UserEventProbe()
    {
    }

    public IReadOnlyList<UserEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Held here: Orleans holds an observer only weakly.</summary>
    public IUserEventObserver Reference { get; private set; } = null!;

    public static async Task<UserEventProbe> SubscribeAsync(IClusterClient client, string userId)
    {
        var probe = new UserEventProbe();
        probe.Reference = client.CreateObjectReference<IUserEventObserver>(probe);
        await client.GetGrain<IUserEventsGrain>(userId).SubscribeAsync(probe.Reference).WithTimeout();
        return probe;
    }

    public Task OnUserEventAsync(UserEvent e)
    {
        lock (_events)
        {
            _events.Add(e);
        }

        return Task.CompletedTask;
    }
}
