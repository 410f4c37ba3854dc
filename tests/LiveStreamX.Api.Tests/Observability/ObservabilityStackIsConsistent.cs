using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Observability;

/// <summary>
/// The observability stack of docker-compose.yml (deploy/observability) cannot be brought up here (no Docker), so
/// what can be checked without it is: Prometheus' configuration and alert rules are valid and the alerts fire on the
/// series that should raise them (promtool, Prometheus' own checker), and every metric a Grafana dashboard or an
/// alert queries is one the nodes export.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ObservabilityStackIsConsistent(AppFixture fixture)
{
    private static readonly string StackPath = typeof(ObservabilityStackIsConsistent).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Observability").Value!;

    [Fact]
    public async Task PrometheusAcceptsItsConfigurationAndTheAlertRulesPassTheirUnitTests()
    {
        var config = await PromtoolAsync("check", "config", "prometheus.yml");
        Assert.True(config.ExitCode == 0, config.Output);

        var tests = await PromtoolAsync("test", "rules", "alerts.test.yml");
        Assert.True(tests.ExitCode == 0, tests.Output);
        Assert.Contains("SUCCESS", tests.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMetricTheDashboardsAndAlertsQueryIsExported()
    {
        // What the nodes export once they have served a little of everything …
        var instruments = PublishedInstruments();
        var creator = await fixture.App.SignInAsync("creator");
        var streamId = await fixture.App.CreateStreamAsync(creator);
        var viewer = await fixture.App.SignInAsync();
        await using (var hub = await fixture.App.Hub(viewer).StartAsync())
        {
            await hub.JoinAsync(streamId);
            await hub.ChatAsync(streamId, "hello");
            await hub.Connection.InvokeAsync<JsonElement>(
                "gift:send", new { streamId, giftCode = "star", count = 1, idempotencyKey = "k_" + Guid.NewGuid().ToString("N") }).WithTimeout();
            await hub.Connection.InvokeAsync<JsonElement>("mood:react", new { streamId, mood = "love", count = 1 }).WithTimeout();
            await HubErrors.CodeOf(() => hub.Connection.InvokeAsync<JsonElement>("poll:vote", new { streamId, pollId = "p_none", option = 0 }));
        }

        using (var admin = fixture.App.Http(fixture.App.Admin().Token))
        {
            (await admin.GetAsync("/api/admin/ledger/verify").WithTimeout()).EnsureSuccessStatusCode();
        }

        using var http = fixture.App.Http();
        string scraped = "";
        await Timeouts.Eventually(
            async () =>
            {
                scraped = await http.GetStringAsync("/metrics").WithTimeout();
                return scraped.Contains("lsx_gifts_total", StringComparison.Ordinal) && scraped.Contains("lsx_mood_reactions_total", StringComparison.Ordinal);
            },
            "the gift and the reaction in /metrics");
        var exported = ExportedNames(scraped);

        // … or could export: an instrument that counts failures shows up at its first failure only, and Orleans
        // creates some of those (storage errors) only then.
        var orleans = OrleansInstrumentNames();
        var missing = QueriedMetrics()
            .Where(q => !exported.Contains(q.Name) && !instruments.Contains(q.Name) && !orleans.Contains(SuffixRegex().Replace(q.Name, "")))
            .Select(q => $"{q.Name} (in {q.File})")
            .ToList();
        Assert.True(missing.Count == 0, "queried but never exported: " + string.Join(", ", missing));
    }

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        // Installed with Debian's prometheus package by ./test.sh.
        var start = new ProcessStartInfo("promtool") { WorkingDirectory = StackPath, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WithTimeout();
        return (process.ExitCode, await output + await error);
    }

    // Every metric name in the dashboards' and alerts' PromQL, with a __name__ regex of alternatives spelled out.
    private static IEnumerable<(string Name, string File)> QueriedMetrics()
    {
        var sources = Directory.GetFiles(Path.Combine(StackPath, "grafana", "dashboards"), "*.json")
            .SelectMany(file => Expressions(JsonDocument.Parse(File.ReadAllText(file)).RootElement).Select(e => (Expr: e, File: Path.GetFileName(file))))
            .Concat(AlertExpressions().Select(e => (Expr: e, File: "alerts.yml")))
            .ToList();
        Assert.True(sources.Count > 20, $"only {sources.Count} expressions found");
        foreach (var (expr, file) in sources)
        {
            foreach (Match name in NameRegex().Matches(expr))
            {
                foreach (var alternative in Expand(name.Groups[1].Value))
                {
                    yield return (alternative, file);
                }
            }

            foreach (Match metric in MetricRegex().Matches(NameRegex().Replace(expr, "")))
            {
                yield return (Regex.Replace(metric.Value, "_bucket$", ""), file);
            }
        }
    }

    private static IEnumerable<string> Expressions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "expr")
                {
                    yield return property.Value.GetString()!;
                }
                else
                {
                    foreach (var e in Expressions(property.Value))
                    {
                        yield return e;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray().SelectMany(Expressions))
            {
                yield return e;
            }
        }
    }

    // alerts.yml keeps each expr as a block or a line after "expr:"; the expression ends at the next key.
    private static IEnumerable<string> AlertExpressions()
    {
        var lines = File.ReadAllLines(Path.Combine(StackPath, "alerts.yml"));
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (!trimmed.StartsWith("expr:", StringComparison.Ordinal))
            {
                continue;
            }

            var expr = trimmed["expr:".Length..].Trim();
            while (i + 1 < lines.Length && !KeyRegex().IsMatch(lines[i + 1]))
            {
                expr += " " + lines[++i].Trim();
            }

            yield return expr;
        }
    }

    private static IEnumerable<string> Expand(string pattern)
    {
        var group = Regex.Match(pattern, @"\(([^()]*)\)");
        return group.Success
            ? group.Groups[1].Value.Split('|').SelectMany(a => Expand(pattern[..group.Index] + a + pattern[(group.Index + group.Length)..]))
            : [pattern];
    }

    private static HashSet<string> ExportedNames(string scraped) =>
        [.. scraped.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => Regex.Match(l, "^[a-zA-Z_:][a-zA-Z0-9_:]*").Value)
            .Select(n => Regex.Replace(n, "_(bucket|sum|count)$", ""))];

    // Instruments of the exported meters that exist in this process, named as the Prometheus exporter names them:
    // dots to underscores, the unit as a suffix, _total for counters.
    private static HashSet<string> PublishedInstruments()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                var name = instrument.Name.Replace('.', '_').Replace('-', '_');
                name += instrument.Unit switch
                {
                    "ms" => "_milliseconds",
                    "s" => "_seconds",
                    "By" => "_bytes",
                    _ => "",
                };
                if (instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) || instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal))
                {
                    name += "_total";
                }

                names.Add(name);
            },
        };
        listener.Start();
        return names;
    }

    // Orleans names its instruments in one class of constants (orleans-storage-write-errors …).
    private static HashSet<string> OrleansInstrumentNames()
    {
        var names = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is "Orleans.Core" or "Orleans.Runtime")
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name == "InstrumentNames")
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ((string)f.GetRawConstantValue()!).Replace('-', '_'))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("orleans_storage_write_errors", names);
        return names;
    }

    [GeneratedRegex("_(total|milliseconds|seconds|bytes|megabytes)$")]
    private static partial Regex SuffixRegex();

    [GeneratedRegex("__name__=~\"([^\"]+)\"")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"\b(lsx|orleans)_[a-z0-9_]+")]
    private static partial Regex MetricRegex();

    [GeneratedRegex(@"^\s*[a-z_]+:")]
    private static partial Regex KeyRegex();
}
