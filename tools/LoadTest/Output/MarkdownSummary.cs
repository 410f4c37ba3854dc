using System.Globalization;
using System.Text;
using LiveStreamX.LoadTest.Metrics;

namespace LiveStreamX.LoadTest.Output;

/// <summary>A run's figures as Markdown, for docs/BENCHMARKS.md; with a baseline run, the two side by side and their ratios.</summary>
public static class MarkdownSummary
{
    public static string Write(LoadReport report, LoadReport? baseline)
    {
        var text = new StringBuilder();
        if (baseline is null)
        {
            text.AppendLine("| figure | value |").AppendLine("| --- | ---: |");
            foreach (var (name, value) in ReportTable.Rows(report))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
            }
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| figure | LiveStreamX ({report.Protocol}) | baseline ({baseline.Protocol}) |")
                .AppendLine("| --- | ---: | ---: |");
            foreach (var ((name, value), (_, other)) in ReportTable.Rows(report).Zip(ReportTable.Rows(baseline)))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} | {other} |");
            }

            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"- deliveries per second, LiveStreamX ÷ baseline: **{Ratio(report.DeliveriesPerSecond, baseline.DeliveriesPerSecond)}**")
                .AppendLine(CultureInfo.InvariantCulture, $"- p99 latency, LiveStreamX ÷ baseline: {Ratio(report.Latency.P99Ms, baseline.Latency.P99Ms)} (the throughput ratio counts at equal p99 only when this is about 1 or lower)");
        }

        foreach (var note in report.Notes.Concat(baseline?.Notes ?? []).Distinct())
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Note: {note}");
        }

        return text.ToString();
    }

    private static string Ratio(double ours, double theirs) =>
        theirs <= 0 ? "n/a" : (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
