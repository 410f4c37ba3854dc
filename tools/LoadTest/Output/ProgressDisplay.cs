using System.Globalization;
using LiveStreamX.LoadTest.Metrics;
using Spectre.Console;

namespace LiveStreamX.LoadTest.Output;

/// <summary>
/// Shows a run as it goes: a live table refreshed every second on a terminal, or a plain line every 5 s when the
/// output is a file or <c>--quiet</c> was given.
/// </summary>
internal sealed class ProgressDisplay(RunMetrics metrics, Func<int> connections, bool quiet)
{
    private long _lastDelivered;
    private long _lastMicros = LoadClock.NowMicros();

    /// <summary>The current phase: connecting, warm-up, measuring, draining, checking.</summary>
    public string Phase { get; set; } = "starting";

    public async Task RunAsync(CancellationToken stop)
    {
        var started = LoadClock.NowMicros();
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            while (await Wait(TimeSpan.FromSeconds(5), stop))
            {
                var row = Row(started);
                Console.WriteLine(string.Join("  ", Headers.Zip(row, (h, v) => $"{h} {v}")));
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.AddRow(Row(started));
        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            while (await Wait(TimeSpan.FromSeconds(1), stop))
            {
                table.Rows.Clear();
                table.AddRow(Row(started));
                context.Refresh();
            }
        });
    }

    private static readonly string[] Headers = ["phase", "elapsed", "connections", "sent", "accepted", "deliveries/s", "p99 ms", "errors", "lost", "dup"];

    private string[] Row(long started)
    {
        var now = LoadClock.NowMicros();
        var delivered = metrics.Delivered;
        var rate = (delivered - _lastDelivered) / Math.Max(0.001, (now - _lastMicros) / 1_000_000.0);
        (_lastDelivered, _lastMicros) = (delivered, now);
        return
        [
            Phase,
            ((now - started) / 1_000_000.0).ToString("0s", CultureInfo.InvariantCulture),
            connections().ToString("N0", CultureInfo.InvariantCulture),
            metrics.Sent.ToString("N0", CultureInfo.InvariantCulture),
            metrics.Accepted.ToString("N0", CultureInfo.InvariantCulture),
            rate.ToString("N0", CultureInfo.InvariantCulture),
            metrics.Latency.Summary().P99Ms.ToString("0.0", CultureInfo.InvariantCulture),
            metrics.ErrorCount.ToString("N0", CultureInfo.InvariantCulture),
            metrics.Lost.ToString("N0", CultureInfo.InvariantCulture),
            metrics.Duplicated.ToString("N0", CultureInfo.InvariantCulture),
        ];
    }

    private static async Task<bool> Wait(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
