using System.Globalization;
using System.Text;

namespace LiveStreamX.RecEval.Traces;

/// <summary>
/// Reads and writes traces in the format of Rappaz et al.'s public Twitch dataset: <c>user,stream,streamer,start,stop</c>
/// per line, times in 10-minute ticks, no header; and the optional streamers file <c>streamer,category,tags,title</c>
/// (tags separated by ';') that generated traces come with.
/// </summary>
internal static class TraceFiles
{
    /// <summary>Malformed lines reported one by one; the rest are counted.</summary>
    public const int MaxReportedErrors = 50;

    /// <summary>The streamers file that goes with <paramref name="tracePath"/>: <c>x.csv</c> → <c>x.streamers.csv</c>.</summary>
    public static string StreamersPathFor(string tracePath) =>
        Path.Combine(Path.GetDirectoryName(tracePath) ?? ".", Path.GetFileNameWithoutExtension(tracePath) + ".streamers.csv");

    /// <summary>The broadcasts file that goes with <paramref name="tracePath"/>: <c>x.csv</c> → <c>x.broadcasts.csv</c>.</summary>
    public static string BroadcastsPathFor(string tracePath) =>
        Path.Combine(Path.GetDirectoryName(tracePath) ?? ".", Path.GetFileNameWithoutExtension(tracePath) + ".broadcasts.csv");

    public static WatchTrace Read(string tracePath, string? streamersPath = null)
    {
        using var trace = new StreamReader(tracePath, Encoding.UTF8);
        streamersPath ??= StreamersPathFor(tracePath);
        using var streamers = File.Exists(streamersPath) ? new StreamReader(streamersPath, Encoding.UTF8) : null;
        var broadcastsPath = BroadcastsPathFor(tracePath);
        using var broadcasts = File.Exists(broadcastsPath) ? new StreamReader(broadcastsPath, Encoding.UTF8) : null;
        return Read(trace, streamers, broadcasts);
    }

    /// <summary>Reads every well-formed line; a malformed one is reported with its number and left out.</summary>
    public static WatchTrace Read(TextReader trace, TextReader? streamers = null, TextReader? broadcasts = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var errors = new List<TraceError>();
        var errorCount = 0;
        void Fail(int line, string reason)
        {
            errorCount++;
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add(new TraceError(line, reason));
            }
        }

        var sessions = new List<Session>();
        var lineNumber = 0;
        while (trace.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                Fail(lineNumber, $"expected 5 fields (user,stream,streamer,start,stop), found {fields.Length}");
                continue;
            }

            if (fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0 || fields[2].Trim().Length == 0)
            {
                Fail(lineNumber, "user, stream and streamer must not be empty");
                continue;
            }

            if (!int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) || start < 0)
            {
                Fail(lineNumber, $"start '{fields[3]}' is not a tick (a whole number, 0 or more)");
                continue;
            }

            if (!int.TryParse(fields[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stop) || stop <= start)
            {
                Fail(lineNumber, $"stop '{fields[4]}' is not a tick after start {start}");
                continue;
            }

            sessions.Add(new Session(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), start, stop));
        }

        // Stable: sessions starting at the same tick keep the file's order, so a replay is repeatable.
        var ordered = sessions.OrderBy(s => s.Start).ToList();
        return new WatchTrace(ordered, streamers is null ? new Dictionary<string, StreamerMeta>() : ReadStreamers(streamers), errors, errorCount)
        {
            Broadcasts = broadcasts is null ? [] : ReadBroadcasts(broadcasts),
        };
    }

    public static void Write(string tracePath, IEnumerable<Session> sessions, IEnumerable<StreamerMeta> streamers, IEnumerable<Broadcast> broadcasts)
    {
        using (var trace = new StreamWriter(tracePath, append: false, new UTF8Encoding(false)))
        {
            Write(trace, sessions);
        }

        using (var meta = new StreamWriter(StreamersPathFor(tracePath), append: false, new UTF8Encoding(false)))
        {
            WriteStreamers(meta, streamers);
        }

        using var schedule = new StreamWriter(BroadcastsPathFor(tracePath), append: false, new UTF8Encoding(false));
        foreach (var b in broadcasts)
        {
            schedule.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{b.Streamer},{b.Stream},{b.Start},{b.Stop}"));
        }
    }

    public static void Write(TextWriter writer, IEnumerable<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var s in sessions)
        {
            writer.Write(s.User);
            writer.Write(',');
            writer.Write(s.Stream);
            writer.Write(',');
            writer.Write(s.Streamer);
            writer.Write(',');
            writer.Write(s.Start.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(s.Stop.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void WriteStreamers(TextWriter writer, IEnumerable<StreamerMeta> streamers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var s in streamers)
        {
            writer.WriteLine($"{s.Streamer},{s.Category},{string.Join(';', s.Tags)},{s.Title.Replace(',', ' ')}");
        }
    }

    // Broadcasts are optional too: a bad line loses only that broadcast (its streamer is then live only while watched).
    private static List<Broadcast> ReadBroadcasts(TextReader reader)
    {
        var result = new List<Broadcast>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            if (f.Length == 4 && f[0].Length > 0 && int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) &&
                int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stop) && start >= 0 && stop > start)
            {
                result.Add(new Broadcast(f[0], f[1], start, stop));
            }
        }

        return [.. result.OrderBy(b => b.Start)];
    }

    // Streamer metadata is optional: a bad line there only loses that streamer's features.
    private static Dictionary<string, StreamerMeta> ReadStreamers(TextReader reader)
    {
        var result = new Dictionary<string, StreamerMeta>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',', 4);
            if (fields.Length == 4 && fields[0].Length > 0)
            {
                result[fields[0]] = new StreamerMeta(fields[0], fields[1], fields[2].Split(';', StringSplitOptions.RemoveEmptyEntries), fields[3]);
            }
        }

        return result;
    }
}
