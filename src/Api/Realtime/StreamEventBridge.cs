using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using LiveStreamX.Api.Observability;
using LiveStreamX.Common;
using LiveStreamX.Grains.Observability;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// This node's bridge from stream grains to SignalR groups: one grain observer per stream that has viewers on this
/// node, registered with the stream grain on the node's viewer-count lease (<see cref="ViewerPresence"/>); each event
/// the grain pushes is sent once to the stream's group. No grain is called per viewer.
/// </summary>
/// <remarks>
/// Pushes are one-way messages, so one can be lost (a silo died on its way) or overtaken: each feed forwards seqs
/// one by one, drops repeats, and on a gap fetches what is missing from the grain's replay buffer before it forwards
/// what came after, as a client does with <c>sinceSeq</c>. Each feed has an outbox and a send loop (the send tick):
/// an event after a quiet window goes out at once; events that follow within
/// <see cref="RealtimeOptions.BatchWindowMilliseconds"/> go out together as one <c>stream:events</c> message. Every
/// message costs each viewer's connection a frame, a flush and a system call on both ends, so a hot stream's viewers
/// get a few messages a second however fast its chat runs.
/// </remarks>
public sealed partial class StreamEventBridge(
    IGrainFactory grains,
    IHubContext<LiveHub> hub,
    IOptions<RealtimeOptions> options,
    LiveMetrics metrics,
    TimeProvider time,
    ILogger<StreamEventBridge> logger) : IDisposable
{
    // How long events that came ahead of a missing one wait for it before it is fetched from the replay buffer, and
    // how many may wait: a push overtaken by the next one arrives within moments; a lost one never does.
    /// <summary>The name of the send tick's span.</summary>
    public const string SendSpanName = "stream:send";

    private static readonly TimeSpan ReorderWait = TimeSpan.FromMilliseconds(200);
    private const int MaxHeldEvents = 1024;

    private readonly ConcurrentDictionary<string, Feed> _feeds = new();
    private readonly RealtimeOptions _options = options.Value;

    /// <summary>
    /// Raised with a stream id when its feed saw a gap: a push was lost, and with it perhaps the grain's activation
    /// that held this node's observer, so the lease is renewed at once instead of at the next refresh.
    /// </summary>
    public event Action<string>? RenewalNeeded;

    /// <summary>Streams this node receives events of.</summary>
    public int ActiveFeeds => _feeds.Count(f => f.Value.Started);

    /// <summary>
    /// Takes a reference on the stream's feed. The first one registers the feed's observer through
    /// <paramref name="register"/> (the node's viewer report, which answers the stream's last seq), so the caller's
    /// snapshot, taken after, is followed by every later event.
    /// </summary>
    public async Task AcquireAsync(string streamId, Func<IStreamObserver, Task<long>> register)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(streamId, id => new Feed(this, id, _options.OutboxCapacity));
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
                    feed.Observer ??= grains.CreateObjectReference<IStreamObserver>(feed);
                    feed.Advance(await register(feed.Observer));
                    feed.Started = true;
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

    /// <summary>Drops a reference; the last one retires the feed and its observer (the grain drops it with the node's next report).</summary>
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
            if (feed.Observer is { } observer)
            {
                feed.Observer = null;
                grains.DeleteObjectReference<IStreamObserver>(observer);
            }
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    /// <summary>The observer this node registers for the stream, or null when it has no feed.</summary>
    public IStreamObserver? ObserverOf(string streamId) =>
        _feeds.TryGetValue(streamId, out var feed) && feed.Started ? feed.Observer : null;

    /// <summary>
    /// The node's lease was renewed and the grain is at <paramref name="seq"/>: a feed behind it fetches what it
    /// missed (the last pushes before a quiet spell show no gap until the next one).
    /// </summary>
    public void Renewed(string streamId, long seq)
    {
        if (_feeds.TryGetValue(streamId, out var feed) && feed.Started && seq > feed.LastSeq)
        {
            _ = CatchUpAsync(feed, seq);
        }
    }

    private async Task CatchUpAsync(Feed feed, long seq)
    {
        // The pushes up to seq are usually on their way: give them the time a reordered push gets.
        await Task.Delay(ReorderWait, time);
        await feed.Order.WaitAsync();
        try
        {
            // Held events mean a gap is being waited out already; its resolution fetches up to them.
            if (seq > feed.LastSeq && feed.Held.Count == 0 && !feed.Retired)
            {
                await FillAsync(feed, seq);
            }
        }
        finally
        {
            feed.Order.Release();
        }
    }

    // Pushes of one feed arrive one at a time (Orleans runs an observer's calls in order) but not always in seq order:
    // the silo sends each through one of the node's gateways, so a push can overtake the one before. An event ahead of
    // a missing one is held; if the missing one has not come after ReorderWait, it is fetched from the replay buffer.
    // Order also keeps out a catch-up started by a lease renewal.
    private async Task ReceiveAsync(Feed feed, StreamEvent[] events)
    {
        await feed.Order.WaitAsync();
        try
        {
            foreach (var e in events)
            {
                var last = feed.LastSeq;
                if (last >= 0 && e.Seq <= last)
                {
                    continue; // a repeat, or already fetched from the replay buffer
                }

                if (last >= 0 && e.Seq > last + 1)
                {
                    feed.Held.TryAdd(e.Seq, e);
                    continue;
                }

                await ForwardAsync(feed, e);
                await ForwardHeldAsync(feed);
            }

            if (feed.Held.Count > MaxHeldEvents)
            {
                await ResolveGapsAsync(feed);
            }
            else if (feed.Held.Count > 0 && !feed.GapWaiting)
            {
                feed.GapWaiting = true;
                _ = ResolveGapsLaterAsync(feed);
            }
        }
        finally
        {
            feed.Order.Release();
        }
    }

    private async Task ResolveGapsLaterAsync(Feed feed)
    {
        await Task.Delay(ReorderWait, time);
        await feed.Order.WaitAsync();
        try
        {
            feed.GapWaiting = false;
            if (!feed.Retired)
            {
                await ResolveGapsAsync(feed);
            }
        }
        finally
        {
            feed.Order.Release();
        }
    }

    /// <summary>Fetches what is missing before each held event, then forwards the held events; each round forwards at least one.</summary>
    private async Task ResolveGapsAsync(Feed feed)
    {
        while (feed.Held.Count > 0)
        {
            var next = feed.Held.Keys.First();
            if (next > feed.LastSeq + 1)
            {
                await FillAsync(feed, next - 1);

                // Not to be had (the fetch failed): forward what came, the viewers fetch the rest with sinceSeq.
                feed.Advance(next - 1);
            }

            await ForwardHeldAsync(feed);
        }
    }

    private async Task ForwardHeldAsync(Feed feed)
    {
        while (feed.Held.Count > 0)
        {
            var (seq, e) = feed.Held.First();
            if (seq > feed.LastSeq + 1)
            {
                return;
            }

            feed.Held.Remove(seq);
            if (seq == feed.LastSeq + 1)
            {
                await ForwardAsync(feed, e);
            }
        }
    }

    /// <summary>Forwards the events after the feed's last seq, up to <paramref name="upTo"/>, from the grain's replay buffer.</summary>
    private async Task FillAsync(Feed feed, long upTo)
    {
        var from = feed.LastSeq;
        RenewalNeeded?.Invoke(feed.StreamId);
        try
        {
            var replay = await grains.Get<IStreamGrain>(feed.StreamId).ReplayAsync(from);
            foreach (var e in replay.Events)
            {
                if (e.Seq > feed.LastSeq && e.Seq <= upTo)
                {
                    await ForwardAsync(feed, e);
                }
            }

            if (replay.GapTooOld)
            {
                // The grain restarted after a crash (its seqs jumped) or the gap outgrew its buffer: the viewers see
                // the jump on the next event and rebuild from a snapshot, as they would after a reconnect.
                feed.Advance(upTo);
            }

            LogGapFilled(logger, feed.StreamId, from, upTo, replay.GapTooOld);
        }
        catch (Exception ex)
        {
            // The viewers see the gap and fetch it themselves with sinceSeq.
            LogGapFillFailed(logger, ex, feed.StreamId, from);
        }
    }

    /// <summary>Ends every send loop (the node is stopping).</summary>
    public void Dispose()
    {
        foreach (var feed in _feeds.Values)
        {
            feed.Outbox.Writer.TryComplete();
        }
    }

    // Queues the event in its feed's outbox; a full outbox holds this feed's pushes back (they queue in Orleans).
    private async Task ForwardAsync(Feed feed, StreamEvent e)
    {
        feed.Advance(e.Seq);
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

    private async Task SendAsync(string streamId, List<StreamEvent> events)
    {
        metrics.Batched(events.Count);
        var now = time.GetUtcNow();
        foreach (var e in events)
        {
            metrics.Delivered(now - e.At);
        }

        // One span per send tick, linked to the trace of every event it carries: a gift's trace leads from its hub
        // call through the grains to the send on each node that delivered it.
        using var span = LiveTelemetry.Source.HasListeners() ? StartSendSpan(streamId, events) : null;
        var group = hub.Clients.Group(streamId);
        await (events.Count == 1
            ? group.SendAsync(events[0].Type, events[0])
            : group.SendAsync(EventNames.StreamEvents, new StreamEventBatch(streamId, [.. events])));
    }

    private static Activity? StartSendSpan(string streamId, List<StreamEvent> events)
    {
        var links = new List<ActivityLink>(events.Count);
        foreach (var e in events)
        {
            if (e.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var context))
            {
                links.Add(new ActivityLink(context));
            }
        }

        // A root of its own: the tick serves many traces at once, so it belongs to none of them (the send loop may have
        // been started inside a viewer's join call, whose activity would otherwise be the parent).
        Activity.Current = null;
        var span = LiveTelemetry.Source.StartActivity(SendSpanName, ActivityKind.Producer, parentContext: default, links: links);
        span?.SetTag("lsx.stream_id", streamId);
        span?.SetTag("lsx.events", events.Count);
        return span;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId}: filled a gap after seq {From} up to {UpTo} from the replay buffer (too old: {GapTooOld})")]
    private static partial void LogGapFilled(ILogger logger, string streamId, long from, long upTo, bool gapTooOld);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: fetching the events after seq {From} failed")]
    private static partial void LogGapFillFailed(ILogger logger, Exception ex, string streamId, long from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} events of stream {StreamId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception ex, string streamId, int count);

    private sealed class Feed(StreamEventBridge bridge, string streamId, int capacity) : IStreamObserver
    {
        private long _lastSeq = -1;

        public string StreamId { get; } = streamId;

        /// <summary>Events waiting for the send loop, in seq order.</summary>
        public Channel<StreamEvent> Outbox { get; } = Channel.CreateBounded<StreamEvent>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

        /// <summary>The send loop; it ends when the feed retires and its outbox is empty.</summary>
        public Task? Sending { get; set; }

        /// <summary>Guards the references and the registration.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Lets one push or catch-up at a time forward events, so they go out in seq order.</summary>
        public SemaphoreSlim Order { get; } = new(1, 1);

        /// <summary>Events that came ahead of a missing one, by seq (under <see cref="Order"/>).</summary>
        public SortedDictionary<long, StreamEvent> Held { get; } = [];

        /// <summary>Whether a wait for the missing events before <see cref="Held"/> is under way.</summary>
        public bool GapWaiting { get; set; }

        public int References { get; set; }

        public bool Retired { get; set; }

        /// <summary>Whether the observer was registered once; until then the node reports no observer for the stream.</summary>
        public bool Started { get; set; }

        /// <summary>This feed as the grain sees it; held here, since Orleans holds an observer only weakly.</summary>
        public IStreamObserver? Observer { get; set; }

        /// <summary>The highest seq forwarded (or the grain's seq at registration), -1 before any.</summary>
        public long LastSeq => Interlocked.Read(ref _lastSeq);

        public void Advance(long seq)
        {
            long current;
            while (seq > (current = Interlocked.Read(ref _lastSeq)) && Interlocked.CompareExchange(ref _lastSeq, seq, current) != current)
            {
            }
        }

        public Task OnEventsAsync(StreamEvent[] events) => bridge.ReceiveAsync(this, events);
    }
}
