using LiveStreamX.Streams;
using Orleans.Streams;

namespace LiveStreamX.Grains.Tests;

/// <summary>Collects a stream's events from an Orleans stream subscription and waits for one.</summary>
internal sealed class EventProbe
{
    private readonly List<StreamEvent> _events = [];
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Subscribes a new probe to a stream's events.</summary>
    public static async Task<EventProbe> SubscribeAsync(IClusterClient client, string streamId)
    {
        var probe = new EventProbe();
        await client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StreamEvent>(StreamId.Create(StreamNames.EventsNamespace, streamId))
            .SubscribeAsync((e, _) => probe.Add(e));
        return probe;
    }

    public IReadOnlyList<StreamEvent> All
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public Task Add(StreamEvent e)
    {
        lock (_events)
        {
            _events.Add(e);
        }

        _arrived.Release();
        return Task.CompletedTask;
    }

    public async Task<StreamEvent> WaitAsync(Func<StreamEvent, bool> match)
    {
        using var cts = new CancellationTokenSource(LiveStreamX.Testing.Timeouts.Default);
        while (true)
        {
            if (All.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out; received {string.Join(", ", All.Select(e => e.Type))}");
            }
        }
    }
}
