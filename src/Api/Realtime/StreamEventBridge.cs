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

    private IAsyncStream<StreamEvent> Events(string streamId) =>
        cluster.GetStreamProvider(StreamNames.Provider)
            .GetStream<StreamEvent>(StreamId.Create(StreamNames.EventsNamespace, streamId));

    private async Task ForwardAsync(StreamEvent e)
    {
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
    }
}
