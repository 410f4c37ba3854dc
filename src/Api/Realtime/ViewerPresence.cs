using System.Collections.Concurrent;
using LiveStreamX.Common;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// Who watches what on this node. Joins, leaves and disconnects change the node's count per stream; the counts
/// go to each stream grain (on a join at once, otherwise batched every quarter second and refreshed before the
/// grain's lease on them runs out), which adds up all nodes. Each report carries the node's observer of the stream
/// (<see cref="StreamEventBridge"/>): the report is the lease on which the grain pushes events to the node.
/// </summary>
public sealed partial class ViewerPresence(
    IGrainFactory grains,
    StreamEventBridge bridge,
    IHubContext<LiveHub> hub,
    NodeIdentity node,
    ILogger<ViewerPresence> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, HashSet<string>> _joined = new();
    private readonly ConcurrentDictionary<string, int> _viewers = new();
    private readonly ConcurrentDictionary<string, byte> _dirty = new();

    /// <summary>This node's viewers of a stream.</summary>
    public int LocalViewers(string streamId) => _viewers.GetValueOrDefault(streamId);

    public async Task<StreamJoined> JoinAsync(string connectionId, string streamId, long? sinceSeq)
    {
        var streams = _joined.GetOrAdd(connectionId, _ => []);
        bool added;
        lock (streams)
        {
            added = streams.Add(streamId);
        }

        // Join the group, then register the node's observer, then take the snapshot: every event after the snapshot's
        // seq then reaches this client (pushes come quickly: one sent before the connection is in the group is lost
        // to it).
        var count = added ? Change(streamId, +1) : LocalViewers(streamId);
        var stream = grains.Get<IStreamGrain>(streamId);
        try
        {
            if (added)
            {
                await hub.Groups.AddToGroupAsync(connectionId, streamId);
                // The observer comes first, counting nobody; the join then counts the viewer, so the count's
                // announcement comes after the snapshot.
                await bridge.AcquireAsync(streamId, observer => stream.ReportViewersAsync(node.Id, 0, observer));
            }

            var snapshot = await stream.JoinAsync(new ViewerJoin(node.Id, count, sinceSeq));
            _dirty.TryRemove(streamId, out _);
            return StreamJoined.From(snapshot);
        }
        catch when (added)
        {
            await LeaveAsync(connectionId, streamId);
            throw;
        }
    }

    public async Task LeaveAsync(string connectionId, string streamId)
    {
        if (!_joined.TryGetValue(connectionId, out var streams))
        {
            return;
        }

        lock (streams)
        {
            if (!streams.Remove(streamId))
            {
                return;
            }
        }

        await hub.Groups.RemoveFromGroupAsync(connectionId, streamId);
        Change(streamId, -1);
        await bridge.ReleaseAsync(streamId);
    }

    public async Task DisconnectAsync(string connectionId)
    {
        if (!_joined.TryRemove(connectionId, out var streams))
        {
            return;
        }

        string[] left;
        lock (streams)
        {
            left = [.. streams];
        }

        // SignalR drops the connection from its groups itself.
        foreach (var streamId in left)
        {
            Change(streamId, -1);
            await bridge.ReleaseAsync(streamId);
        }
    }

    /// <summary>Renews every lease of this node at the next flush: the cluster changed, and grains may have moved.</summary>
    public void RenewAll()
    {
        foreach (var streamId in _viewers.Keys)
        {
            _dirty.TryAdd(streamId, 0);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bridge.RenewalNeeded += streamId => _dirty.TryAdd(streamId, 0);
        using var timer = new PeriodicTimer(FlushInterval);
        var lastRefresh = DateTime.UtcNow;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var refresh = DateTime.UtcNow - lastRefresh >= RefreshInterval;
                if (refresh)
                {
                    lastRefresh = DateTime.UtcNow;
                    RenewAll();
                }

                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // A node that stops cleanly takes its viewers out of the counts at once instead of after the lease.
        foreach (var streamId in _viewers.Keys)
        {
            _viewers[streamId] = 0;
            _dirty.TryAdd(streamId, 0);
        }

        await FlushAsync();
    }

    private int Change(string streamId, int delta)
    {
        var count = _viewers.AddOrUpdate(streamId, Math.Max(0, delta), (_, current) => Math.Max(0, current + delta));
        _dirty.TryAdd(streamId, 0);
        return count;
    }

    private async Task FlushAsync()
    {
        foreach (var streamId in _dirty.Keys)
        {
            _dirty.TryRemove(streamId, out _);
            var count = LocalViewers(streamId);
            if (count == 0)
            {
                _viewers.TryRemove(new KeyValuePair<string, int>(streamId, 0));
            }

            try
            {
                var observer = count > 0 ? bridge.ObserverOf(streamId) : null;
                var seq = await grains.Get<IStreamGrain>(streamId).ReportViewersAsync(node.Id, count, observer);
                if (observer is not null)
                {
                    bridge.Renewed(streamId, seq);
                }
            }
            catch (Exception ex)
            {
                _dirty.TryAdd(streamId, 0);
                LogReportFailed(logger, ex, streamId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting viewers of stream {StreamId} failed; retrying")]
    private static partial void LogReportFailed(ILogger logger, Exception ex, string streamId);
}
