using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Streams;

// The call filter gathers the events of one grain call into one push per node.
public sealed partial class StreamGrain : IIncomingGrainCallFilter
{
    // Each Api node reports how many of its connections watch this stream, with the observer the stream pushes its
    // events to; the sum is the viewer count. The report is a lease: a node that stops refreshing (it died) drops
    // out, its observer with it, after NodeLeaseSeconds.
    private readonly Dictionary<string, NodeViewers> _nodes = [];
    private int _announcedViewers;
    private DateTimeOffset _lastViewerAnnouncement = DateTimeOffset.MinValue;
    private IGrainTimer? _announcementTimer;
    private readonly IPersistentState<StreamNodesState> _nodeStore = stateFactory.Create<StreamNodesState>(grainContext, new NodesConfiguration());
    private StoredState<StreamNodesState>? _saveNodes;

    // The nodes' observers are kept in a state of their own, written behind (at most once a second, only when a node
    // comes, goes or restarts, never per viewer), so that an activation after a crash, a drain or a move pushes to
    // the nodes at once instead of waiting for each node's next report.
    private StoredState<StreamNodesState> SaveNodes => _saveNodes ??= new(grainContext, _nodeStore, "stream-nodes", logger, Unsaved);

    private int ViewerCount
    {
        get
        {
            var cutoff = time.GetUtcNow().AddSeconds(-_options.NodeLeaseSeconds);
            return _nodes.Values.Where(n => n.Seen >= cutoff).Sum(n => n.Count);
        }
    }

    public Task<long> ReportViewersAsync(string nodeId, int count, IStreamObserver? observer)
    {
        if (count > 0 || observer is not null)
        {
            _ = Info; // not_found: a node registers before its first viewer's join, which would fail the same way
        }

        SetNodeViewers(nodeId, count, observer);
        return Task.FromResult(_seq);
    }

    public Task<StreamReplay> ReplayAsync(long sinceSeq)
    {
        var missed = _replay.Since(sinceSeq);
        return Task.FromResult(new StreamReplay(_seq, missed ?? [], GapTooOld: missed is null));
    }

    /// <summary>The observers the nodes registered before this activation: each holds a new lease until its node reports.</summary>
    private void RestoreNodes()
    {
        var now = time.GetUtcNow();
        foreach (var (nodeId, observer) in _nodeStore.State.Observers)
        {
            _nodes[nodeId] = new NodeViewers(0, now, observer);
        }
    }

    private void SetNodeViewers(string nodeId, int count, IStreamObserver? observer = null)
    {
        // A node with no viewers leaves, unless it brings an observer: a monitor that counts nobody.
        var before = _nodes.GetValueOrDefault(nodeId).Observer;
        var stays = count > 0 || observer is not null;
        var after = stays ? observer ?? before : null;
        if (stays)
        {
            _nodes[nodeId] = new NodeViewers(count, time.GetUtcNow(), after);
        }
        else
        {
            _nodes.Remove(nodeId);
        }

        if (!Equals(before, after))
        {
            NodesChanged();
        }

        ScheduleViewerAnnouncement();
    }

    private void NodesChanged()
    {
        if (stream.State.Info is null)
        {
            return;
        }

        _nodeStore.State = new StreamNodesState
        {
            Observers = _nodes.Where(n => n.Value.Observer is not null).ToDictionary(n => n.Key, n => n.Value.Observer!),
        };
        SaveNodes.Changed();
    }

    private async Task FlushNodesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveNodes.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // The nodes register again with their next report.
            LogNodesWriteFailed(logger, ex, Id);
        }
    }

    // Events of the grain call under way, pushed together when it ends (a timer's events go at once).
    private readonly List<StreamEvent> _unpushed = [];
    private int _callsUnderWay;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // More than one only when an interleaving call (ReplayAsync) runs while another awaits a write.
        _callsUnderWay++;
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (--_callsUnderWay == 0 && _unpushed.Count > 0)
            {
                StreamEvent[] events = [.. _unpushed];
                _unpushed.Clear();
                PushToNodes(events);
            }
        }
    }

    /// <summary>Sends an event to the nodes: with the call's other events when it ends, or now outside a call.</summary>
    private void Push(StreamEvent e)
    {
        if (_callsUnderWay > 0)
        {
            _unpushed.Add(e);
        }
        else
        {
            PushToNodes([e]);
        }
    }

    /// <summary>Pushes events to every node with a live lease, one way: a slow or dead node never holds the stream up.</summary>
    private void PushToNodes(StreamEvent[] events)
    {
        HandOverToTimeline(events);
        var cutoff = time.GetUtcNow().AddSeconds(-_options.NodeLeaseSeconds);
        foreach (var (nodeId, node) in _nodes)
        {
            if (node.Observer is not { } observer || node.Seen < cutoff)
            {
                continue; // a lapsed lease: the sweep drops it
            }

            try
            {
                observer.OnEventsAsync(events).Ignore();
            }
            catch (Exception ex)
            {
                // The event is in the replay buffer: the node fetches it when it sees the gap or renews its lease.
                LogPushFailed(logger, ex, Id, nodeId);
            }
        }
    }

    /// <summary>Announces a changed count at most once per interval, and soon after the change.</summary>
    private void ScheduleViewerAnnouncement()
    {
        if (_announcementTimer is not null)
        {
            return;
        }

        var interval = TimeSpan.FromMilliseconds(_options.ViewerCountIntervalMilliseconds);
        var due = _lastViewerAnnouncement + interval - time.GetUtcNow();
        _announcementTimer = this.RegisterGrainTimer(
            AnnounceViewersAsync,
            new GrainTimerCreationOptions
            {
                DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
                Period = Timeout.InfiniteTimeSpan,
            });
    }

    private async Task AnnounceViewersAsync(CancellationToken cancellationToken)
    {
        _announcementTimer?.Dispose();
        _announcementTimer = null;
        var count = ViewerCount;
        if (count == _announcedViewers || stream.State.Info is null)
        {
            return;
        }

        _announcedViewers = count;
        _peakViewers = Math.Max(_peakViewers, count);
        _lastViewerAnnouncement = time.GetUtcNow();
        Count((tally, at) => tally.Viewers(at, count));
        await PublishAsync(new ViewerCountChanged { StreamId = Id, Count = count });
        await Directory.UpdateViewersAsync(Id, count);
        LiveStreamX.Common.GrainReferences.Get<LiveStreamX.Discovery.IDiscoverySignalsGrain>(GrainFactory, 0).ViewersChangedAsync(Id, count).Ignore();
    }

    private void StartViewerLeaseSweep()
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, _options.NodeLeaseSeconds / 3));
        this.RegisterGrainTimer(
            _ =>
            {
                var cutoff = time.GetUtcNow().AddSeconds(-_options.NodeLeaseSeconds);
                var expired = _nodes.Where(n => n.Value.Seen < cutoff).Select(n => n.Key).ToList();
                foreach (var node in expired)
                {
                    _nodes.Remove(node);
                }

                if (expired.Count > 0)
                {
                    NodesChanged();
                }

                if (ViewerCount != _announcedViewers)
                {
                    ScheduleViewerAnnouncement();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = period, Period = period });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {StreamId}: pushing to node {NodeId} failed")]
    private static partial void LogPushFailed(ILogger logger, Exception ex, string streamId, string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: saving the nodes' observers failed")]
    private static partial void LogNodesWriteFailed(ILogger logger, Exception ex, string streamId);

    private sealed record NodesConfiguration : IPersistentStateConfiguration
    {
        public string StateName => "stream-nodes";

        public string StorageName => StorageNames.Default;
    }

    private readonly record struct NodeViewers(int Count, DateTimeOffset Seen, IStreamObserver? Observer);
}
