using System.Diagnostics;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Grains.Discovery.Ranking;
using LiveStreamX.RecEval.Traces;

namespace LiveStreamX.RecEval.Evaluation;

/// <summary>What ranking one "For you" request costs with many streams live.</summary>
/// <remarks>Wall time is what a caller waits on this (shared) machine; CPU time is what the ranking itself costs.</remarks>
internal sealed record LatencyResult(int Live, int Users, int Requests, double P50, double P99, double Mean, double CpuP50, double CpuP99);

/// <summary>
/// Times the hybrid ranker as a grain calls it (20 items, with reasons) over a line-up of <c>live</c> streams: the
/// trace's streamers plus copies in their categories under new creators, with Zipf viewer counts, for users in the
/// state the replay left them in, with the replay's co-watch index.
/// </summary>
internal static class LatencyBench
{
    public static LatencyResult Run(Replay replay, WatchTrace trace, RankingOptions options, int live, int requests, int seed)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var random = new Random(seed);
        var streamers = trace.Sessions.Select(s => s.Streamer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var now = Replay.TimeOf(trace.Sessions.Count == 0 ? 0 : trace.Sessions[^1].Start);
        var candidates = new LiveCandidate[live];
        for (var i = 0; i < live; i++)
        {
            var source = streamers.Length == 0 ? $"s{i}" : streamers[i % streamers.Length];
            var creator = i < streamers.Length ? source : $"{source}~{i}";
            var meta = trace.Streamers.GetValueOrDefault(source);
            candidates[i] = new LiveCandidate(
                $"live{i}",
                creator,
                creator,
                meta?.Title ?? creator,
                meta?.Category ?? "",
                TitleTerms.NormalizeTags(meta?.Tags),
                TitleTerms.Extract(meta?.Title),
                (int)(20_000 / Math.Pow(1 + random.Next(live), 1.1)),
                random.NextDouble() * 4 - 1,
                now.AddMinutes(-random.Next(1, 300)),
                null);
        }

        var users = replay.Users.Values.Select(u => u.Interest).ToArray();
        var ranker = new Ranker(options);
        InterestState? UserFor(int i) => users.Length == 0 ? null : users[random.Next(users.Length)];

        // Warm-up: the JIT's optimized code, not the first calls, is what a running silo serves.
        for (var i = 0; i < Math.Min(2000, requests); i++)
        {
            ranker.Rank(new RankingRequest(UserFor(i), candidates, now, 20) { CoWatch = replay.CoWatch, Embeddings = replay.Embeddings });
        }

        var timings = new Timings();
        var cpu = new Timings();
        for (var i = 0; i < requests; i++)
        {
            var user = UserFor(i);
            var cpuStarted = ThreadCpu.Nanoseconds();
            var started = Stopwatch.GetTimestamp();
            ranker.Rank(new RankingRequest(user, candidates, now, 20) { CoWatch = replay.CoWatch, Embeddings = replay.Embeddings });
            timings.Add(Stopwatch.GetTimestamp() - started);
            cpu.AddNanoseconds(ThreadCpu.Nanoseconds() - cpuStarted);
        }

        return new LatencyResult(live, users.Length, requests, timings.Percentile(50), timings.Percentile(99), timings.Mean, cpu.Percentile(50), cpu.Percentile(99));
    }
}
