using LiveStreamX.Api.Realtime;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;

namespace LiveStreamX.Api.Hosting;

/// <summary>
/// Keeps this node's stream feeds flowing when a silo dies. An Orleans stream subscription can stall for the
/// response timeout, or stop for good, when the silo that delivered it or routed to this client goes away, and a
/// stalled feed is silent: viewers see no gap because nothing arrives. Every few seconds, each feed that has been
/// quiet asks its stream grain for what came after the last seq it forwarded; if something older than a moment
/// is there, the feed was stalled: the missed events are forwarded (clients drop repeats by seq) and the feed is
/// subscribed anew.
/// </summary>
internal sealed partial class StreamFeedWatchdog(
    StreamEventBridge bridge,
    IServiceProvider services,
    IGrainFactory grains,
    NodeIdentity node,
    OrleansHostingOptions options,
    TimeProvider time,
    ILogger<StreamFeedWatchdog> logger) : BackgroundService
{
    // An event this old that the feed has not delivered is not in flight any more.
    private static readonly TimeSpan InFlight = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.StreamFeedCheckSeconds);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var quietSince = Environment.TickCount64 - (long)interval.TotalMilliseconds;
                foreach (var (streamId, lastSeq, lastActivity) in bridge.Feeds())
                {
                    if (lastActivity <= quietSince && lastSeq >= 0 && !stoppingToken.IsCancellationRequested)
                    {
                        await CheckAsync(streamId, lastSeq);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CheckAsync(string streamId, long lastSeq)
    {
        try
        {
            // A re-join with sinceSeq: it reports this node's (unchanged) viewer count and returns what came after.
            var viewers = services.GetRequiredService<ViewerPresence>().LocalViewers(streamId);
            var snapshot = await grains.Get<IStreamGrain>(streamId).JoinAsync(new ViewerJoin(node.Id, viewers, lastSeq));
            var missed = snapshot.Replay.Where(e => e.Seq > lastSeq).ToList();
            if (snapshot.GapTooOld)
            {
                // The grain restarted after a crash: its seqs jumped. Clients see the jump on the next event.
                bridge.Observed(streamId, snapshot.Seq);
                LogRestarted(logger, streamId, lastSeq, snapshot.Seq);
                await bridge.ResubscribeAsync(streamId);
            }
            else if (missed.Count > 0 && missed[0].At < time.GetUtcNow() - InFlight)
            {
                LogStalled(logger, streamId, missed.Count, lastSeq);
                await bridge.ForwardMissedAsync(streamId, missed);
                await bridge.ResubscribeAsync(streamId);
            }
            else
            {
                // Nothing missed (or only what is still in flight): the feed is fine; check it again next round.
                await bridge.ForwardMissedAsync(streamId, []);
            }
        }
        catch (Exception ex)
        {
            // The cluster is busy or changing: the next round tries again.
            LogCheckFailed(logger, ex, streamId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: the feed was stalled after seq {LastSeq}; forwarded {Missed} missed events and subscribed anew")]
    private static partial void LogStalled(ILogger logger, string streamId, int missed, long lastSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: the grain restarted (seq {LastSeq} → {Seq}); subscribed anew")]
    private static partial void LogRestarted(ILogger logger, string streamId, long lastSeq, long seq);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {StreamId}: checking the feed failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex, string streamId);
}
