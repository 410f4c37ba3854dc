using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveStreamX.Api.Observability;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// This node's bridge from Orleans streams to SignalR groups: one subscription per stream that has viewers on
/// this node, each event sent once to the stream's group. No grain is called per viewer.
/// </summary>
/// <remarks>
/// Each feed has an outbox and a send loop (the send tick): an event after a quiet window goes out at once; events
/// that follow within <see cref="RealtimeOptions.BatchWindowMilliseconds"/> go out together as one
/// <c>stream:events</c> message. Every message costs each viewer's connection a frame, a flush and a system call on
/// both ends, so a hot stream's viewers get a few messages a second however fast its chat runs.
/// </remarks>
public sealed partial class StreamEventBridge(
    IClusterClient cluster,
    IHubContext<LiveHub> hub,
    IOptions<RealtimeOptions> options,
    LiveMetrics metrics,
    TimeProvider time,
    ILogger<StreamEventBridge> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new();
    private readonly RealtimeOptions _options = options.Value;

    /// <summary>Streams this node is subscribed to.</summary>
    public int ActiveFeeds => _feeds.Count(f => f.Value.IsSubscribed);

    /// <summary>Takes a reference on the stream's feed, subscribing on the first one.</summary>
    public async Task AcquireAsync(string streamId)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(streamId, id => new Feed(id, _options.OutboxCapacity));
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Retired)
                {
                    continue;
                }

                if (feed.References == 0)
                {
                    feed.Sending ??= Task.Run(() => SendLoopAsync(feed));
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
            feed.Outbox.Writer.TryComplete();
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

    /// <summary>Ends every send loop (the node is stopping).</summary>
    public void Dispose()
    {
        foreach (var feed in _feeds.Values)
        {
            feed.Outbox.Writer.TryComplete();
        }
    }

    // Queues the event in its feed's outbox; a full outbox makes the Orleans stream wait, as a slow send did before.
    private async Task ForwardAsync(StreamEvent e)
    {
        if (!_feeds.TryGetValue(e.StreamId, out var feed))
        {
            return; // no viewer on this node any more
        }

        feed.Advance(e.Seq, touch: true);
        metrics.Sent(e.Type);
        try
        {
            await feed.Outbox.Writer.WriteAsync(e);
        }
        catch (ChannelClosedException)
        {
            // The last viewer left meanwhile.
        }
    }

    private async Task SendLoopAsync(Feed feed)
    {
        var window = TimeSpan.FromMilliseconds(_options.BatchWindowMilliseconds);
        var reader = feed.Outbox.Reader;
        var batch = new List<StreamEvent>();
        long? lastSend = null;
        while (await reader.WaitToReadAsync())
        {
            if (lastSend is { } sent && window - time.GetElapsedTime(sent) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, time);
            }

            while (batch.Count < _options.MaxBatchEvents && reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            lastSend = time.GetTimestamp();
            try
            {
                await SendAsync(feed.StreamId, batch);
            }
            catch (Exception ex)
            {
                // A group send fails only as a whole (the node is stopping); the next batch tries again.
                LogSendFailed(logger, ex, feed.StreamId, batch.Count);
            }

            batch.Clear();
        }
    }

    private Task SendAsync(string streamId, List<StreamEvent> events)
    {
        metrics.Batched();
        var group = hub.Clients.Group(streamId);
        return events.Count == 1
            ? group.SendAsync(events[0].Type, events[0])
            : group.SendAsync(EventNames.StreamEvents, new StreamEventBatch(streamId, [.. events]));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribing from stream {StreamId} failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception ex, string streamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} events of stream {StreamId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception ex, string streamId, int count);

    private sealed class Feed(string streamId, int capacity)
    {
        public string StreamId { get; } = streamId;

        /// <summary>Events waiting for the send loop, in seq order.</summary>
        public Channel<StreamEvent> Outbox { get; } = Channel.CreateBounded<StreamEvent>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

        /// <summary>The send loop; it ends when the feed retires and its outbox is empty.</summary>
        public Task? Sending { get; set; }

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
