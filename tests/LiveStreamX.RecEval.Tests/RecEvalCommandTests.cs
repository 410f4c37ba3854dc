using System.Text.Json;
using LiveStreamX.RecEval.Cli;

namespace LiveStreamX.RecEval.Tests;

public sealed class RecEvalCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("receval-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = RecEvalCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ATinyGeneratedTraceEvaluatesFromFilesAsInMemoryWithSaneFigures()
    {
        var trace = Path.Combine(folder, "tiny.csv");
        var json = Path.Combine(folder, "tiny.json");
        var tiny = new[] { "--users", "150", "--streamers", "30", "--days", "2", "--seed", "5" };

        Assert.Equal(0, Run(["generate", "--out", trace, .. tiny]).Code);
        Assert.True(File.Exists(Path.Combine(folder, "tiny.streamers.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "tiny.broadcasts.csv")));
        var fromFiles = Run("evaluate", "--trace", trace, "--latency-live", "100", "--latency-requests", "50", "--json", json);
        var inMemory = Run(["run", .. tiny, "--latency-live", "0"]);

        Assert.Equal(0, fromFiles.Code);
        Assert.Equal(0, inMemory.Code);
        Assert.Contains("| Hybrid |", fromFiles.Output, StringComparison.Ordinal);
        Assert.Equal(Table(fromFiles.Output), Table(inMemory.Output));
        using var figures = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var method in figures.RootElement.GetProperty("methods").EnumerateObject())
        {
            foreach (var split in method.Value.EnumerateObject())
            {
                foreach (var metric in new[] { "hr1", "hr5", "hr10", "mrr", "ndcg10" })
                {
                    Assert.InRange(split.Value.GetProperty(metric).GetDouble(), 0, 1);
                }

                Assert.True(split.Value.GetProperty("hr1").GetDouble() <= split.Value.GetProperty("hr10").GetDouble());
            }
        }

        Assert.True(figures.RootElement.GetProperty("methods").GetProperty("POP").GetProperty("all").GetProperty("count").GetInt64() > 0);
        Assert.Equal(0, figures.RootElement.GetProperty("methods").GetProperty("REP").GetProperty("new").GetProperty("hr10").GetDouble());
        Assert.True(figures.RootElement.GetProperty("latency").GetProperty("p99").GetDouble() > 0);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("evaluate")]
    [InlineData("evaluate", "--trace")]
    [InlineData("run", "--users", "zero")]
    [InlineData("run", "--colour", "blue")]
    [InlineData("run", "--option", "NoSuchWeight=1")]
    [InlineData("run", "--option", "CoWatchWeight=lots")]
    [InlineData("run", "--option", "CoWatchWeight=-3")]
    public void BadArgumentsAreAUsageErrorNotACrash(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith("RecEval: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingTraceFileIsNamed()
    {
        var (code, _, error) = Run("evaluate", "--trace", Path.Combine(folder, "nope.csv"));

        Assert.Equal(2, code);
        Assert.Contains("no trace file at", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithMalformedLinesIsEvaluatedWithTheLinesReported()
    {
        var trace = Path.Combine(folder, "mixed.csv");
        File.WriteAllLines(trace, ["u1,s1,A,0,3", "u2,s1,A,x,3", "u2,s2,B,1,2", "", "u1,s2,B,4,9,extra"]);

        var (code, output, error) = Run("evaluate", "--trace", trace, "--warmup-days", "0", "--latency-live", "0");

        Assert.Equal(0, code);
        Assert.Contains("line 2: start 'x' is not a tick", error, StringComparison.Ordinal);
        Assert.Contains("line 5: expected 5 fields", error, StringComparison.Ordinal);
        Assert.Contains("2 malformed line(s) left out", output, StringComparison.Ordinal);
        Assert.Contains("Evaluated 2 moments", output, StringComparison.Ordinal);
    }

    // The figures, without the timings and the source line, which differ between runs.
    private static string Table(string report) =>
        string.Join('\n', report.Split('\n').Where(l => l.StartsWith('|')));
}
