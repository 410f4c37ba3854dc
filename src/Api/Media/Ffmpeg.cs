using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LiveStreamX.Api.Media;

/// <summary>Debian's ffprobe and ffmpeg, run as processes: probing a clip, and making its fast-start MP4 and thumbnail.</summary>
public sealed class Ffmpeg(string ffmpegPath, string ffprobePath)
{
    /// <summary>What ffprobe read of a file: its duration and first video stream; null when it is no video ffmpeg can read.</summary>
    public async Task<(MediaProbe? Probe, string Error)> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var (code, output, error) = await RunAsync(ffprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], null, cancellationToken);
        if (code != 0)
        {
            return (null, LastLine(error));
        }

        using var json = JsonDocument.Parse(output);
        var video = json.RootElement.TryGetProperty("streams", out var streams)
            ? streams.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("codec_type", out var t) && t.GetString() == "video")
            : default;
        if (video.ValueKind != JsonValueKind.Object || !video.TryGetProperty("width", out var width) || !video.TryGetProperty("height", out var height))
        {
            return (null, "the file has no video stream");
        }

        var duration = json.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 0;
        if (duration <= 0)
        {
            return (null, "the file has no duration");
        }

        var hasAudio = streams.EnumerateArray().Any(s => s.TryGetProperty("codec_type", out var t) && t.GetString() == "audio");
        return (new MediaProbe(TimeSpan.FromSeconds(duration), width.GetInt32(), height.GetInt32(), hasAudio), string.Empty);
    }

    /// <summary>
    /// Transcodes to H.264/AAC in an MP4 with its index first (fast start: a browser plays while it downloads), at most
    /// 1280 pixels wide; <paramref name="progress"/> gets the share done (0–1) as ffmpeg reports it. Returns ffmpeg's error, or null.
    /// </summary>
    public async Task<string?> RenderAsync(string source, string target, TimeSpan duration, Func<double, Task> progress, CancellationToken cancellationToken)
    {
        var (code, _, error) = await RunAsync(ffmpegPath,
            ["-nostdin", "-v", "error", "-y", "-i", source,
             "-map", "0:v:0", "-map", "0:a:0?",
             "-vf", "scale='trunc(min(1280,iw)/2)*2':-2", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart",
             "-progress", "pipe:1", "-nostats", target],
            async line =>
            {
                if (line.StartsWith("out_time_us=", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan("out_time_us=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
                {
                    await progress(Math.Clamp(micros / 1000.0 / duration.TotalMilliseconds, 0, 1));
                }
            },
            cancellationToken);
        return code == 0 ? null : LastLine(error);
    }

    /// <summary>A JPEG frame 320 pixels wide, at <paramref name="at"/>.</summary>
    public async Task<string?> ThumbnailAsync(string source, string target, TimeSpan at, CancellationToken cancellationToken)
    {
        var (code, _, error) = await RunAsync(ffmpegPath,
            ["-nostdin", "-v", "error", "-y", "-ss", at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", source,
             "-frames:v", "1", "-vf", "scale=320:-2", "-q:v", "4", target],
            null, cancellationToken);
        return code == 0 ? null : LastLine(error);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "unknown error";

    private static async Task<(int Code, string Output, string Error)> RunAsync(
        string file, IEnumerable<string> args, Func<string, Task>? onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = new StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                output.AppendLine(line);
                if (onLine is not null)
                {
                    await onLine(line);
                }
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, output.ToString(), await error);
    }
}

/// <summary>What ffprobe read of a clip.</summary>
public sealed record MediaProbe(TimeSpan Duration, int Width, int Height, bool HasAudio);
