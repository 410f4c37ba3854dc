using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    // Each Api node reports how many of its connections watch this stream; the sum is the viewer count.
    // A node that stops refreshing (it died) drops out after the lease.
    private readonly Dictionary<string, NodeViewers> _nodes = [];
    private int _announcedViewers;
    private DateTimeOffset _lastViewerAnnouncement = DateTimeOffset.MinValue;
    private IGrainTimer? _announcementTimer;

    private int ViewerCount
    {
        get
        {
            var cutoff = time.GetUtcNow().AddSeconds(-_options.NodeLeaseSeconds);
            return _nodes.Values.Where(n => n.Seen >= cutoff).Sum(n => n.Count);
        }
    }

    public Task ReportViewersAsync(string nodeId, int count)
    {
        SetNodeViewers(nodeId, count);
        return Task.CompletedTask;
    }

    private void SetNodeViewers(string nodeId, int count)
    {
        if (count > 0)
        {
            _nodes[nodeId] = new NodeViewers(count, time.GetUtcNow());
        }
        else
        {
            _nodes.Remove(nodeId);
        }

        ScheduleViewerAnnouncement();
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
        await PublishAsync(new ViewerCountChanged { StreamId = Id, Count = count });
        await Directory.UpdateViewersAsync(Id, count);
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

                if (ViewerCount != _announcedViewers)
                {
                    ScheduleViewerAnnouncement();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = period, Period = period });
    }

    private readonly record struct NodeViewers(int Count, DateTimeOffset Seen);
}
