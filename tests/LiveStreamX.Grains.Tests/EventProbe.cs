using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Tests;

/// <summary>
/// Collects a stream's events as an Api node does: a grain observer registered with the stream grain (counting no
/// viewers), which pushes every event to it. Waits for one.
/// </summary>
internal sealed class EventProbe : IStreamObserver
{
    private readonly List<StreamEvent> _events = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private IStreamObserver? _reference;
    private IStreamGrain? _stream;

    /// <summary>The node id the probe registered as.</summary>
    public string NodeId { get; } = "probe-" + Guid.NewGuid().ToString("N");

    /// <summary>Registers a new probe for a stream's events, as a node of its own.</summary>
    public static async Task<EventProbe> SubscribeAsync(IClusterClient client, string streamId)
    {
        var probe = new EventProbe();
        probe._reference = client.CreateObjectReference<IStreamObserver>(probe);
        probe._stream = client.GetGrain<IStreamGrain>(streamId);
        await probe.RenewAsync();
        return probe;
    }

    /// <summary>Reports the probe's node again (a lease renewal); returns the stream's last seq.</summary>
    public Task<long> RenewAsync() => _stream!.ReportViewersAsync(NodeId, 0, _reference);

    /// <summary>Reports the probe's node gone, as a node whose last viewer left.</summary>
    public Task LeaveAsync() => _stream!.ReportViewersAsync(NodeId, 0, null);

    public IReadOnlyList<StreamEvent> All
    {
        get
        {
            lock (_events)
            {
                // In seq order, as a node forwards them: a push may overtake the one before on its way.
                return [.. _events.OrderBy(e => e.Seq)];
            }
        }
    }

    public Task OnEventsAsync(StreamEvent[] events)
    {
        lock (_events)
        {
            _events.AddRange(events);
        }

        _arrived.Release(events.Length);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits until the probe holds every seq from its first event through <paramref name="seq"/>: a push that
    /// overtook an earlier one has arrived, but the earlier one may still be on its way.
    /// </summary>
    public Task WaitThroughAsync(long seq) => WaitAsync(_ =>
    {
        var seqs = All.Select(e => e.Seq).Where(s => s <= seq).Distinct().ToList();
        return seqs.Count > 0 && seqs[^1] == seq && seqs.Count == seq - seqs[0] + 1;
    });

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
