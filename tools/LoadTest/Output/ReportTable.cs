using System.Globalization;
using LiveStreamX.LoadTest.Metrics;
using Spectre.Console;

namespace LiveStreamX.LoadTest.Output;

/// <summary>The final table of a run, on screen.</summary>
internal static class ReportTable
{
    public static void Write(LoadReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{report.Scenario} ({report.Protocol}, {report.Target})");
        table.AddColumn("figure");
        table.AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in Rows(report))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        AnsiConsole.Write(table);
        foreach (var note in report.Notes)
        {
            AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }
    }

    /// <summary>The figures as (name, value) pairs, shared with the Markdown summary.</summary>
    public static IEnumerable<(string Name, string Value)> Rows(LoadReport report)
    {
        yield return ("connections held / viewers", $"{N(report.ConnectionsHeld)} / {N(report.Viewers)}");
        yield return ("streams, senders", $"{N(report.Streams)}, {N(report.Senders)}");
        yield return ("rate asked, warm-up, measured", $"{report.Rate.ToString("N0", CultureInfo.InvariantCulture)}/s, {report.WarmupSeconds} s, {report.DurationSeconds} s");
        yield return ("sent / accepted", $"{N(report.Sent)} / {N(report.Accepted)}");
        yield return ("accepted per second", N(report.AcceptedPerSecond));
        yield return ($"{report.Unit} per second", N(report.DeliveriesPerSecond));
        yield return ("latency p50 / p90 / p99 / p99.9 / max (ms)",
            string.Join(" / ", new[] { report.Latency.P50Ms, report.Latency.P90Ms, report.Latency.P99Ms, report.Latency.P999Ms, report.Latency.MaxMs }
                .Select(v => v.ToString("0.0", CultureInfo.InvariantCulture))));
        yield return ("latency samples", N(report.Latency.Count));
        yield return ("errors", report.ErrorCount == 0 ? "0" : string.Join(", ", report.Errors.Select(e => $"{e.Key} {N(e.Value)}")));
        yield return ("retries", N(report.Retries));
        yield return ("lost / duplicated events", $"{N(report.Lost)} / {N(report.Duplicated)}");
        if (report.Gifts is { } gifts)
        {
            yield return ("gifts acknowledged / lost / doubled / unacknowledged", $"{N(gifts.Accepted)} / {N(gifts.Lost)} / {N(gifts.Doubled)} / {N(gifts.Unacknowledged)}");
            yield return ("gift totals match, wallet mismatches", $"{(gifts.TotalsMatch ? "yes" : "NO")}, {N(gifts.WalletMismatches)}");
        }

        if (report.Reactions is { } reactions)
        {
            yield return ("reactions acknowledged / counted / lost / doubled", $"{N(reactions.Accepted)} / {N(reactions.Counted)} / {N(reactions.Lost)} / {N(reactions.Doubled)}");
        }

        yield return ($"CPU s per million {report.Unit}: client / server",
            $"{Optional(report.ClientCpuSecondsPerMillion)} / {Optional(report.ServerCpuSecondsPerMillion)}");
        yield return ("CPU s in window: client / server", $"{report.ClientCpuSeconds:0.00} / {Optional(report.ServerCpuSeconds)}");
        if (report.ServerBytesPerConnection is not null || report.ClientBytesPerConnection is not null)
        {
            yield return ("memory per connection: server / client (KB)",
                $"{Optional(report.ServerBytesPerConnection / 1024.0)} / {Optional(report.ClientBytesPerConnection / 1024.0)}");
        }

        if (report.ServerRssAfterBytes is { } rss)
        {
            yield return ("server resident memory before / after (MB)", $"{Optional(report.ServerRssBeforeBytes / 1048576.0)} / {rss / 1048576.0:0.0}");
        }
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Optional(double? value) => value is null ? "n/a" : value.Value.ToString("0.00", CultureInfo.InvariantCulture);
}
