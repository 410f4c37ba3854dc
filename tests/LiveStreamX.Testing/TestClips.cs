using System.Diagnostics;

namespace LiveStreamX.Testing;

/// <summary>Small video clips made by Debian's ffmpeg from its test sources (a test pattern and a tone), cached per run.</summary>
public static class TestClips
{
    private static readonly string Folder = CreateFolder();
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("lsx-clips-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>An MP4 (H.264/AAC) of <paramref name="seconds"/> seconds; <paramref name="fastStart"/> false puts its index at the end, as cameras do.</summary>
    public static Task<byte[]> Mp4Async(double seconds = 2, bool fastStart = true) =>
        MakeAsync($"clip-{seconds}-{fastStart}.mp4", seconds, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", .. fastStart ? new[] { "-movflags", "+faststart" } : []]);

    /// <summary>A QuickTime MOV.</summary>
    public static Task<byte[]> MovAsync(double seconds = 2) =>
        MakeAsync($"clip-{seconds}.mov", seconds, ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mov"]);

    /// <summary>A WebM (VP8/Vorbis).</summary>
    public static Task<byte[]> WebmAsync(double seconds = 2) =>
        MakeAsync($"clip-{seconds}.webm", seconds, ["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "300k", "-c:a", "libvorbis"]);

    private static async Task<byte[]> MakeAsync(string name, double seconds, string[] codec)
    {
        await Gate.WaitAsync();
        try
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                var duration = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var arg in (string[])["-nostdin", "-v", "error", "-y",
                    "-f", "lavfi", "-i", $"testsrc=duration={duration}:size=320x240:rate=25",
                    "-f", "lavfi", "-i", $"sine=frequency=440:duration={duration}",
                    .. codec, "-shortest", path])
                {
                    start.ArgumentList.Add(arg);
                }

                using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install ffmpeg).");
                var error = ffmpeg.StandardError.ReadToEndAsync();
                await ffmpeg.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                if (ffmpeg.ExitCode != 0)
                {
                    throw new InvalidOperationException($"ffmpeg could not make {name}: {await error}");
                }
            }

            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            Gate.Release();
        }
    }
}
