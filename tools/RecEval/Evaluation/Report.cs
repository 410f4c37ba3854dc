using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveStreamX.RecEval.Traces;

namespace LiveStreamX.RecEval.Evaluation;

/// <summary>The evaluation as text (console), Markdown (docs/bench) and JSON.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Markdown(ReplayResult result, LatencyResult? latency, WatchTrace trace, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.AppendLine(inv, $"Trace: {source}; {result.Sessions:N0} sessions, {result.Users:N0} users, {result.Streamers:N0} streamers, {result.Ticks:N0} ticks of 10 minutes; {trace.ErrorCount} malformed line(s) left out.");
        b.AppendLine(inv, $"Evaluated {result.Of("POP", Split.All).Count:N0} moments after the warm-up ({result.Of("POP", Split.Repeat).Count:N0} repeat, {result.Of("POP", Split.New).Count:N0} new streamer), {result.AverageLive:F0} streamers live on average; replay took {result.Elapsed.TotalSeconds:F0} s{(result.StoppedByBudget ? $" and STOPPED at its time budget at tick {result.EvaluatedUntilTick} of {result.Ticks}" : "")}.");
        b.AppendLine();
        b.AppendLine("| method | HR@1 | HR@5 | HR@10 | MRR | NDCG@10 | HR@10 repeat | HR@10 new |");
        b.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var name in result.Rankers)
        {
            var all = result.Of(name, Split.All);
            b.AppendLine(inv, $"| {name} | {all.HR1:F3} | {all.HR5:F3} | {all.HR10:F3} | {all.MRR:F3} | {all.NDCG10:F3} | {result.Of(name, Split.Repeat).HR10:F3} | {result.Of(name, Split.New).HR10:F3} |");
        }

        b.AppendLine();
        var hybrid = result.Of("Hybrid", Split.All).HR10;
        b.AppendLine(inv, $"Hybrid HR@10 − REP: {hybrid - result.Of("REP", Split.All).HR10:+0.000;-0.000} (target +0.05); − POP: {hybrid - result.Of("POP", Split.All).HR10:+0.000;-0.000} (target +0.30); on new-streamer consumption {result.Of("Hybrid", Split.New).HR10:F3} against REP's {result.Of("REP", Split.New).HR10:F3}.");
        b.AppendLine(inv, $"Rank time per request during the replay (hybrid, 20 items with reasons, {result.AverageLive:F0} live on average): p50 {result.RankTimes.Percentile(50):F3} ms, p99 {result.RankTimes.Percentile(99):F3} ms over {result.RankTimes.Count:N0} requests.");
        if (latency is not null)
        {
            b.AppendLine(inv, $"Rank time with {latency.Live:N0} live streams ({latency.Users:N0} users' states, {latency.Requests:N0} requests): wall p50 {latency.P50:F3} ms, p99 {latency.P99:F3} ms, mean {latency.Mean:F3} ms; the ranking thread's CPU time p50 {latency.CpuP50:F3} ms, p99 {latency.CpuP99:F3} ms.");
        }

        foreach (var error in trace.Errors)
        {
            b.AppendLine(inv, $"- line {error.Line}: {error.Reason}");
        }

        if (trace.ErrorCount > trace.Errors.Count)
        {
            b.AppendLine(inv, $"- and {trace.ErrorCount - trace.Errors.Count} more malformed line(s)");
        }

        return b.ToString();
    }

    public static string Json(ReplayResult result, LatencyResult? latency, WatchTrace trace)
    {
        ArgumentNullException.ThrowIfNull(result);
        var methods = result.Rankers.ToDictionary(
            name => name,
            name => Enum.GetValues<Split>().ToDictionary(
                split => split.ToString().ToLowerInvariant(),
                split =>
                {
                    var m = result.Of(name, split);
                    return new { count = m.Count, hr1 = m.HR1, hr5 = m.HR5, hr10 = m.HR10, mrr = m.MRR, ndcg10 = m.NDCG10 };
                }));
        return JsonSerializer.Serialize(
            new
            {
                sessions = result.Sessions,
                users = result.Users,
                streamers = result.Streamers,
                malformedLines = trace.ErrorCount,
                averageLive = result.AverageLive,
                stoppedByBudget = result.StoppedByBudget,
                elapsedSeconds = result.Elapsed.TotalSeconds,
                methods,
                rankTimeMs = new { p50 = result.RankTimes.Percentile(50), p99 = result.RankTimes.Percentile(99), count = result.RankTimes.Count },
                latency = latency is null ? null : new { live = latency.Live, users = latency.Users, requests = latency.Requests, p50 = latency.P50, p99 = latency.P99, mean = latency.Mean, cpuP50 = latency.CpuP50, cpuP99 = latency.CpuP99 },
            },
            Indented);
    }
}
