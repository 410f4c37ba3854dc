using LiveStreamX.LoadTest.Engine;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Output;
using LiveStreamX.LoadTest.Scenarios;

namespace LiveStreamX.LoadTest.Cli;

/// <summary>
/// The tool's entry: runs a scenario and shows and writes its report, or prints a report as Markdown.
/// Exit codes: 0 the run completed (its figures say how well), 1 it failed, 2 wrong usage.
/// </summary>
public static class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            if (args is ["--help"] or ["-h"])
            {
                Console.Write(CommandLine.Usage());
                return 0;
            }

            if (args is ["markdown", var path, ..])
            {
                var baseline = args is [_, _, "--baseline", var other] ? await LoadReport.ReadAsync(other, cancel.Token) : null;
                Console.Write(MarkdownSummary.Write(await LoadReport.ReadAsync(path, cancel.Token), baseline));
                return 0;
            }

            var options = CommandLine.Parse(args);
            var command = "loadtest " + string.Join(' ', args);
            var report = options.Engine
                ? await EngineRun.RunAsync(options, command, cancel.Token)
                : await WebRun.RunAsync(options, command, cancel.Token);
            ReportTable.Write(report);
            if (options.Out is { } output)
            {
                await report.WriteAsync(output, cancel.Token);
            }

            return 0;
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + CommandLine.Usage());
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"The run failed: {e.Message}");
            return 1;
        }
    }
}
