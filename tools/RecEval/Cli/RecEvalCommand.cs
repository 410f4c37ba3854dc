using System.Globalization;
using System.Reflection;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.RecEval.Evaluation;
using LiveStreamX.RecEval.Traces;

namespace LiveStreamX.RecEval.Cli;

/// <summary>The command line: generate a trace, evaluate one, or both in one go.</summary>
internal static class RecEvalCommand
{
    public const string Usage = """
        usage:
          LiveStreamX.RecEval generate --out PATH [--users 5000] [--streamers 500] [--days 7] [--seed 23]
              writes PATH (user,stream,streamer,start,stop in 10-minute ticks), PATH's .streamers.csv
              (streamer,category,tags,title) and .broadcasts.csv (streamer,stream,start,stop)
          LiveStreamX.RecEval evaluate --trace PATH [--streamers PATH] [evaluation options]
              replays a trace (Rappaz et al.'s Twitch format); the streamers and broadcasts files beside it are
              optional: without broadcasts a streamer is live while someone watches
          LiveStreamX.RecEval run [--users 5000] [--streamers 500] [--days 7] [--seed 23] [evaluation options]
              generates a trace in memory and evaluates it
        evaluation options:
          --warmup-days 1          days replayed only to learn from
          --budget-seconds 600     stop evaluating after this long (the report says so)
          --latency-live 1500      also time ranking with this many live streams (0: skip)
          --latency-requests 20000
          --option Name=Value      a ranking option (RankingOptions, e.g. CoWatchWeight=0.5); repeatable
          --markdown PATH          also write the report as Markdown
          --json PATH              also write the figures as JSON
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Parse(args.Skip(1));
            return args[0] switch
            {
                "generate" => Generate(options, output),
                "evaluate" => Evaluate(options, output, error),
                "run" => RunGenerated(options, output, error),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"RecEval: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (IOException e)
        {
            error.WriteLine($"RecEval: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"RecEval: {e.Message}");
            return 1;
        }
    }

    private static int Generate(Options options, TextWriter output)
    {
        var path = options.Required("out");
        var settings = GeneratorSettingsFrom(options);
        options.EnsureAllUsed();
        var (sessions, streamers, broadcasts) = TraceGenerator.Generate(settings);
        TraceFiles.Write(path, sessions, streamers, broadcasts);
        output.WriteLine($"Wrote {sessions.Count:N0} sessions of {settings.Users:N0} users over {settings.Streamers:N0} streamers and {settings.Days} days to {path} (with {TraceFiles.StreamersPathFor(path)} and {TraceFiles.BroadcastsPathFor(path)}).");
        return 0;
    }

    private static int Evaluate(Options options, TextWriter output, TextWriter error)
    {
        var path = options.Required("trace");
        var streamers = options.Text("streamers");
        if (!File.Exists(path))
        {
            throw new UsageException($"no trace file at {path}");
        }

        if (streamers is not null && !File.Exists(streamers))
        {
            throw new UsageException($"no streamers file at {streamers}");
        }

        var trace = TraceFiles.Read(path, streamers);
        return EvaluateTrace(trace, path, options, output, error);
    }

    private static int RunGenerated(Options options, TextWriter output, TextWriter error)
    {
        var settings = GeneratorSettingsFrom(options);
        var (sessions, streamers, broadcasts) = TraceGenerator.Generate(settings);
        var trace = new WatchTrace(sessions, streamers.ToDictionary(s => s.Streamer), [], 0) { Broadcasts = broadcasts };
        return EvaluateTrace(trace, $"generated (users {settings.Users}, streamers {settings.Streamers}, days {settings.Days}, seed {settings.Seed})", options, output, error);
    }

    private static int EvaluateTrace(WatchTrace trace, string source, Options options, TextWriter output, TextWriter error)
    {
        var ranking = new RankingOptions();
        foreach (var setting in options.All("option"))
        {
            SetOption(ranking, setting);
        }

        var settings = new ReplaySettings
        {
            WarmupTicks = options.Int("warmup-days", 1, 0, 365) * TraceGenerator.TicksPerDay,
            Budget = TimeSpan.FromSeconds(options.Int("budget-seconds", 600, 1, 86_400)),
            Options = ranking,
        };
        var latencyLive = options.Int("latency-live", 1500, 0, 100_000);
        var latencyRequests = options.Int("latency-requests", 20_000, 1, 10_000_000);
        var markdown = options.Text("markdown");
        var json = options.Text("json");
        options.EnsureAllUsed();

        foreach (var e in trace.Errors)
        {
            error.WriteLine($"line {e.Line}: {e.Reason}");
        }

        if (trace.ErrorCount > 0)
        {
            error.WriteLine($"{trace.ErrorCount} malformed line(s) left out; evaluating the other {trace.Sessions.Count:N0}.");
        }

        var replay = new Replay(trace, settings);
        var result = replay.Run();
        var latency = latencyLive > 0 ? LatencyBench.Run(replay, trace, ranking, latencyLive, latencyRequests, seed: 7) : null;
        var report = Report.Markdown(result, latency, trace, source);
        output.WriteLine(report);
        if (markdown is not null)
        {
            File.WriteAllText(markdown, report);
        }

        if (json is not null)
        {
            File.WriteAllText(json, Report.Json(result, latency, trace));
        }

        return 0;
    }

    private static GeneratorSettings GeneratorSettingsFrom(Options options) => new(
        options.Int("users", 5000, 1, 1_000_000),
        options.Int("streamers", 500, 2, 100_000),
        options.Int("days", 7, 1, 60),
        options.Int("seed", 23, int.MinValue, int.MaxValue));

    private static void SetOption(RankingOptions ranking, string setting)
    {
        var parts = setting.Split('=', 2);
        var property = parts.Length == 2
            ? typeof(RankingOptions).GetProperty(parts[0].Trim(), BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            : null;
        if (property is null || !property.CanWrite)
        {
            throw new UsageException($"--option takes Name=Value with a RankingOptions name, not '{setting}'");
        }

        try
        {
            property.SetValue(ranking, Convert.ChangeType(parts[1].Trim(), property.PropertyType, CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
            throw new UsageException($"--option {parts[0]}: '{parts[1]}' is not a {property.PropertyType.Name}");
        }

        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(ranking, new(ranking), problems, validateAllProperties: true))
        {
            throw new UsageException($"--option {parts[0]}: {string.Join("; ", problems.Select(p => p.ErrorMessage))}");
        }
    }

    /// <summary>A command-line mistake: the message and the usage go to stderr, exit code 2.</summary>
    private sealed class UsageException(string message) : Exception(message);

    // "--name value" pairs; a name may repeat (--option).
    private sealed class Options
    {
        private readonly List<(string Name, string Value)> pairs = [];
        private readonly HashSet<string> used = [];

        public static Options From(IEnumerable<string> args)
        {
            var options = new Options();
            var list = args.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
                {
                    throw new UsageException($"expected --name value, found '{list[i]}'");
                }

                options.pairs.Add((list[i][2..], list[++i]));
            }

            return options;
        }

        public string? Text(string name)
        {
            used.Add(name);
            return pairs.LastOrDefault(p => p.Name == name).Value;
        }

        public IEnumerable<string> All(string name)
        {
            used.Add(name);
            return pairs.Where(p => p.Name == name).Select(p => p.Value).ToList();
        }

        public string Required(string name) => Text(name) ?? throw new UsageException($"--{name} is required");

        public int Int(string name, int fallback, int min, int max)
        {
            var text = Text(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new UsageException($"--{name} takes a whole number from {min} to {max}, not '{text}'");
        }

        public void EnsureAllUsed()
        {
            var unknown = pairs.Select(p => p.Name).FirstOrDefault(n => !used.Contains(n));
            if (unknown is not null)
            {
                throw new UsageException($"unknown option --{unknown}");
            }
        }
    }

    private static Options Parse(IEnumerable<string> args) => Options.From(args);
}
