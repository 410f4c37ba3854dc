using System.Threading.Channels;
using LiveStreamX.Api.Realtime;
using LiveStreamX.Common;
using LiveStreamX.Media;
using LiveStreamX.Segments;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Media;

/// <summary>
/// Processes uploaded segments on this Api node: picks them from the cluster's <see cref="ISegmentWorkGrain"/> (at
/// once when this node completed the upload, else every few seconds), claims each through its grain with a lease
/// that progress reports renew, probes it with ffprobe, makes the fast-start MP4 and thumbnail with ffmpeg and stores
/// them. Several nodes may run workers; a segment's lease lets only one process it, and a node that dies mid-way
/// lets its lease lapse for another to take over. One segment at a time per node: ffmpeg uses every core it gets.
/// </summary>
public sealed partial class SegmentWorker(
    IGrainFactory grains,
    IMediaStore media,
    NodeIdentity node,
    IOptions<SegmentOptions> options,
    ILogger<SegmentWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>An upload completed on this node: look now rather than at the next poll.</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Worker)
        {
            return;
        }

        var ffmpeg = new Ffmpeg(settings.FfmpegPath, settings.FfprobePath);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await grains.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).PendingAsync())
                {
                    await ProcessAsync(ffmpeg, id, settings, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, e);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(TimeSpan.FromSeconds(settings.WorkerPollSeconds));
            try
            {
                await _nudges.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task ProcessAsync(Ffmpeg ffmpeg, string id, SegmentOptions settings, CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        var grain = grains.Get<ISegmentGrain>(id);
        if (await grain.ClaimAsync(node.Id, lease) is not { } segment)
        {
            return;
        }

        LogProcessing(logger, id, segment.Size);
        var folder = Directory.CreateTempSubdirectory("lsx-segment-");
        try
        {
            var source = Path.Combine(folder.FullName, "source");
            await using (var input = await media.OpenReadAsync(SegmentKeys.Source(id), cancellationToken: cancellationToken))
            await using (var file = File.Create(source))
            {
                await input.CopyToAsync(file, cancellationToken);
            }

            var (probe, probeError) = await ffmpeg.ProbeAsync(source, cancellationToken);
            if (probe is null)
            {
                await FailAsync(grain, id, $"The file could not be read as a video ({probeError}).");
                return;
            }

            if (probe.Duration > TimeSpan.FromSeconds(settings.MaxDurationSeconds))
            {
                await FailAsync(grain, id, $"The clip is longer than {settings.MaxDurationSeconds} seconds.");
                return;
            }

            var rendition = Path.Combine(folder.FullName, "clip.mp4");
            var lastReport = DateTimeOffset.MinValue;
            var lost = false;
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renderError = await ffmpeg.RenderAsync(source, rendition, probe.Duration, async share =>
            {
                if (DateTimeOffset.UtcNow - lastReport < ProgressInterval)
                {
                    return;
                }

                lastReport = DateTimeOffset.UtcNow;
                // 90 % for the transcode; the thumbnail and the uploads are the rest.
                if (!await grain.ReportProgressAsync(node.Id, (int)(share * 90), lease))
                {
                    lost = true;
                    await abandon.CancelAsync();
                }
            }, abandon.Token);
            if (lost)
            {
                return;
            }

            if (renderError is not null || await ffmpeg.ProbeAsync(rendition, cancellationToken) is not ({ } rendered, _))
            {
                await FailAsync(grain, id, $"The clip could not be converted ({renderError ?? "the result is unreadable"}).");
                return;
            }

            var thumbnail = Path.Combine(folder.FullName, "thumb.jpg");
            var frameAt = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, rendered.Duration.Ticks / 2));
            if (await ffmpeg.ThumbnailAsync(rendition, thumbnail, frameAt, cancellationToken) is { } thumbError)
            {
                await FailAsync(grain, id, $"No thumbnail could be taken ({thumbError}).");
                return;
            }

            await grain.ReportProgressAsync(node.Id, 95, lease);
            await using (var clip = File.OpenRead(rendition))
            {
                await media.WriteAsync(SegmentKeys.Rendition(id), clip, "video/mp4", cancellationToken);
            }

            await using (var image = File.OpenRead(thumbnail))
            {
                await media.WriteAsync(SegmentKeys.Thumbnail(id), image, "image/jpeg", cancellationToken);
            }

            await grain.MarkReadyAsync(node.Id, new ProcessedSegment((long)rendered.Duration.TotalMilliseconds, rendered.Width, rendered.Height));
            await media.DeleteAsync(SegmentKeys.Source(id), cancellationToken);
            LogReady(logger, id, (long)rendered.Duration.TotalMilliseconds);
        }
        catch (MediaStoreException e)
        {
            await FailAsync(grain, id, "The uploaded file is gone from storage.");
            LogFailed(logger, e, id);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A file that cannot be played is kept no longer than its failure: the segment says why, the bytes go.
    private async Task FailAsync(ISegmentGrain grain, string id, string reason)
    {
        await grain.MarkFailedAsync(node.Id, reason);
        await media.DeleteAsync(SegmentKeys.Source(id));
        LogRejected(logger, id, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processing segment {SegmentId} ({Bytes} bytes)")]
    private static partial void LogProcessing(ILogger logger, string segmentId, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId} is ready ({DurationMs} ms)")]
    private static partial void LogReady(ILogger logger, string segmentId, long durationMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId} failed: {Reason}")]
    private static partial void LogRejected(ILogger logger, string segmentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} failed in storage")]
    private static partial void LogFailed(ILogger logger, Exception exception, string segmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The segment worker could not poll; it tries again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
