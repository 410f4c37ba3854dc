using System.Diagnostics;
using System.Globalization;
using LiveStreamX.Media;
using LiveStreamX.Vod;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Vod;

/// <summary>
/// A highlight moment's picture for link previews (<c>og:image</c>): the recording's frame at the moment's offset,
/// extracted with ffmpeg on first request and kept in the media store beside the VOD.
/// </summary>
public sealed partial class MomentFrames(IGrainFactory grains, IMediaStore store, IOptions<MediaOptions> media, ILogger<MomentFrames> logger) : IDisposable
{
    private static readonly TimeSpan FfmpegTimeout = TimeSpan.FromSeconds(30);

    // ffmpeg is a process of its own per frame: a burst of previews must not start one per request.
    private readonly SemaphoreSlim _running = new(2);

    /// <summary>The store's key of the moment's frame, extracting it first if needed; null without a readable recording.</summary>
    public async Task<string?> FrameKeyAsync(string streamId, VodMoment moment, CancellationToken cancellationToken)
    {
        var key = $"vod/{VodKeys.Of(streamId)}/moments/{moment.MomentId[(moment.MomentId.LastIndexOf('.') + 1)..]}.jpg";
        if (await store.GetAsync(key, cancellationToken) is not null)
        {
            return key;
        }

        var recording = await grains.GetGrain<IStreamMediaGrain>(streamId).GetRecordingAsync();
        if (recording is null)
        {
            return null;
        }

        var copy = (string?)null;
        await _running.WaitAsync(cancellationToken);
        try
        {
            string input;
            if (await VodRecordings.KeyAsync(recording.Location, store, media.Value) is { } recordingKey)
            {
                var url = store.ReadUrl(recordingKey, FfmpegTimeout * 2);
                if (url.IsAbsoluteUri)
                {
                    input = url.AbsoluteUri; // ffmpeg reads what it needs with range requests
                }
                else
                {
                    // The local store's URLs are this Api's paths: ffmpeg reads a copy instead.
                    copy = input = Path.Combine(Path.GetTempPath(), $"lsx-frame-{Guid.NewGuid():N}");
                    await using var source = await store.OpenReadAsync(recordingKey, cancellationToken: cancellationToken);
                    await using var target = File.Create(copy);
                    await source.CopyToAsync(target, cancellationToken);
                }
            }
            else if (Uri.TryCreate(recording.Location, UriKind.Absolute, out var elsewhere) && elsewhere.Scheme == Uri.UriSchemeHttps)
            {
                input = elsewhere.AbsoluteUri;
            }
            else
            {
                return null;
            }

            var jpeg = await ExtractAsync(input, moment.OffsetMs, cancellationToken);
            if (jpeg is null)
            {
                return null;
            }

            await store.WriteAsync(key, new MemoryStream(jpeg), "image/jpeg", cancellationToken);
            return key;
        }
        finally
        {
            _running.Release();
            if (copy is not null)
            {
                File.Delete(copy);
            }
        }
    }

    private async Task<byte[]?> ExtractAsync(string input, long offsetMs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-hide_banner", "-loglevel", "error", "-ss", (offsetMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture), "-i", input,
            "-frames:v", "1", "-vf", "scale=640:-2", "-f", "image2", "-c:v", "mjpeg", "pipe:1",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FfmpegTimeout);
        try
        {
            using var ffmpeg = Process.Start(start)!;
            using var frame = new MemoryStream();
            var errors = ffmpeg.StandardError.ReadToEndAsync(timeout.Token);
            await ffmpeg.StandardOutput.BaseStream.CopyToAsync(frame, timeout.Token);
            await ffmpeg.WaitForExitAsync(timeout.Token);
            if (ffmpeg.ExitCode != 0 || frame.Length == 0)
            {
                LogFfmpegFailed(logger, ffmpeg.ExitCode, await errors);
                return null;
            }

            return frame.ToArray();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // No ffmpeg on this node, or it took too long: the preview keeps the site's icon.
            LogFfmpegFailed(logger, -1, ex.Message);
            return null;
        }
    }

    public void Dispose() => _running.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A moment's frame could not be extracted (ffmpeg exit {ExitCode}): {Errors}")]
    private static partial void LogFfmpegFailed(ILogger logger, int exitCode, string errors);
}
