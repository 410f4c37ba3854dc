using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Engine;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Scenarios;

namespace LiveStreamX.LoadTest.Tests;

/// <summary>Runs the tool in-process against the fixture's server, tiny and bounded, and checks the accounting every run shares.</summary>
internal static class SmokeRuns
{
    /// <summary>A whole run (connect, load, drain, check) of a few seconds must end well inside this.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    public static LoadOptions Tiny(LoadTargetFixture target, string scenario) => new()
    {
        Scenario = scenario,
        Url = target.App.BaseAddress,
        GatewayPort = target.GatewayPort,
        ClusterId = target.ClusterId,
        WarmupSeconds = 0.5,
        DurationSeconds = 1.5,
        DrainSeconds = 20,
        Quiet = true,
    };

    public static Task<LoadReport> WebAsync(LoadOptions options) =>
        WebRun.RunAsync(Valid(options), "smoke " + options.Scenario, CancellationToken.None).WaitAsync(RunLimit);

    public static Task<LoadReport> EngineAsync(LoadOptions options) =>
        EngineRun.RunAsync(Valid(options), "smoke " + options.Scenario, CancellationToken.None).WaitAsync(RunLimit);

    /// <summary>Nothing failed, nothing was lost or came twice, and every send was acknowledged.</summary>
    public static void AssertClean(LoadReport report)
    {
        Assert.Empty(report.Errors);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicated);
        Assert.Equal(report.Sent, report.Accepted);
    }

    private static LoadOptions Valid(LoadOptions options)
    {
        Assert.Empty(options.Problems());
        return options;
    }
}
