using System.Collections.Concurrent;
using LiveStreamX.Api.Observability;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// This node's bridge from Orleans streams to SignalR groups: one subscription per stream that has viewers on
/// this node, each event sent once to the stream's group. No grain is called per viewer.
/// </summary>
public sealed partial class StreamEventBridge(
    IClusterClient cluster,
    IHubContext<LiveHub> hub,
    LiveMetrics metrics,
    ILogger<StreamEventBridge> logger)
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new();

    /// <summary>Streams this node is subscribed to.</summary>
    public int ActiveFeeds => _feeds.Count(f => f.Value.IsSubscribed);

    /// <summary>Takes a reference on the stream's feed, subscribing on the first one.</summary>
    public async Task AcquireAsync(string streamId)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(streamId, id => new Feed(id));
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Retired)
                {
                    continue;
                }

                if (feed.References == 0)
                {
                    feed.Subscription = await Events(streamId).SubscribeAsync((e, _) => ForwardAsync(e));
                }

                feed.References++;
                return;
            }
            finally
            {
                feed.Gate.Release();
            }
        }
    }

    /// <summary>Drops a reference; the last one unsubscribes.</summary>
    public async Task ReleaseAsync(string streamId)
    {
        if (!_feeds.TryGetValue(streamId, out var feed))
        {
            return;
        }

        await feed.Gate.WaitAsync();
        try
        {
            if (feed.Retired || --feed.References > 0)
            {
                return;
            }

            feed.Retired = true;
            _feeds.TryRemove(new KeyValuePair<string, Feed>(streamId, feed));
            if (feed.Subscription is { } subscription)
            {
                feed.Subscription = null;
                await subscription.UnsubscribeAsync();
            }
        }
        catch (Exception ex)
        {
            // The pub-sub table drops a dead subscription on its own; the viewer has left either way.
            LogUnsubscribeFailed(logger, ex, streamId);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    /// <summary>Sets where a new feed starts: the seq of the first snapshot taken after subscribing.</summary>
    public void Observed(string streamId, long seq)
    {
        if (_feeds.TryGetValue(streamId, out var feed))
        {
            feed.Advance(seq, touch: false);
        }
    }

    /// <summary>The subscribed feeds, for the watchdog (<see cref="Hosting.StreamFeedWatchdog"/>).</summary>
    internal IReadOnlyList<(string StreamId, long LastSeq, long LastActivity)> Feeds() =>
        [.. _feeds.Values.Where(f => f.IsSubscribed).Select(f => (f.StreamId, f.LastSeq, f.LastActivity))];

    /// <summary>Forwards events the subscription did not deliver (fetched from the grain), oldest first.</summary>
    internal async Task ForwardMissedAsync(string streamId, IReadOnlyList<StreamEvent> missed)
    {
        foreach (var e in missed)
        {
            await ForwardAsync(e);
        }

        if (_feeds.TryGetValue(streamId, out var feed))
        {
            feed.Touch();
        }
    }

    /// <summary>
    /// Replaces the feed's subscription with a new one. Orleans keeps a subscription whose deliveries stall or
    /// stop after a silo dies (a delivery lost with the silo waits out the response timeout; a consumer thought
    /// gone is dropped for good), and nothing tells the subscriber.
    /// </summary>
    internal async Task ResubscribeAsync(string streamId)
    {
        if (!_feeds.TryGetValue(streamId, out var feed))
        {
            return;
        }

        StreamSubscriptionHandle<StreamEvent>? old;
        await feed.Gate.WaitAsync();
        try
        {
            if (feed.Retired || feed.Subscription is null)
            {
                return;
            }

            old = feed.Subscription;
            feed.Subscription = await Events(streamId).SubscribeAsync((e, _) => ForwardAsync(e));
        }
        finally
        {
            feed.Gate.Release();
        }

        try
        {
            await old.UnsubscribeAsync();
        }
        catch (Exception ex)
        {
            LogUnsubscribeFailed(logger, ex, streamId);
        }
    }

    private IAsyncStream<StreamEvent> Events(string streamId) =>
        cluster.GetStreamProvider(StreamNames.Provider)
            .GetStream<StreamEvent>(StreamId.Create(StreamNames.EventsNamespace, streamId));

    private async Task ForwardAsync(StreamEvent e)
    {
        if (_feeds.TryGetValue(e.StreamId, out var feed))
        {
            feed.Advance(e.Seq, touch: true);
        }

        metrics.Sent(e.Type);
        await hub.Clients.Group(e.StreamId).SendAsync(e.Type, e);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribing from stream {StreamId} failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception ex, string streamId);

    private sealed class Feed(string streamId)
    {
        public string StreamId { get; } = streamId;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int References { get; set; }

        public bool Retired { get; set; }

        public StreamSubscriptionHandle<StreamEvent>? Subscription { get; set; }

        public bool IsSubscribed => Subscription is not null;

        /// <summary>The highest seq forwarded (or seen in a snapshot), -1 before any.</summary>
        public long LastSeq => Interlocked.Read(ref _lastSeq);

        /// <summary>When the feed last forwarded an event or was checked (<see cref="Environment.TickCount64"/>).</summary>
        public long LastActivity => Interlocked.Read(ref _lastActivity);

        private long _lastSeq = -1;
        private long _lastActivity = Environment.TickCount64;

        public void Advance(long seq, bool touch)
        {
            long current;
            while (seq > (current = Interlocked.Read(ref _lastSeq)) && Interlocked.CompareExchange(ref _lastSeq, seq, current) != current)
            {
            }

            if (touch)
            {
                Touch();
            }
        }

        public void Touch() => Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
    }
}
