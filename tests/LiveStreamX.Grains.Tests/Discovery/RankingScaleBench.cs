using System.Diagnostics;
using LiveStreamX.Discovery;
using LiveStreamX.Streams;
using Xunit.Abstractions;

namespace LiveStreamX.Grains.Tests.Discovery;

/// <summary>
/// The page-view ranking at the issue's scale: 1,500 live streams in the live index and 100,000 viewers' interest
/// grains in the cluster, each ranked through <see cref="IInterestGrain.RecommendAsync"/> (the one grain call
/// <c>GET /api/recommendations</c> makes). A benchmark, not a timed test: it runs only with
/// <c>LSX_DISCOVERY_BENCH=1</c> and prints the latencies (<c>LSX_DISCOVERY_BENCH_USERS</c>, <c>_STREAMS</c>,
/// <c>_REQUESTS</c> change the sizes).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RankingScaleBench(ClusterFixture fixture, ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public async Task RanksEveryPageViewInMillisecondsAtTheIssuesScale()
    {
        if (Environment.GetEnvironmentVariable("LSX_DISCOVERY_BENCH") != "1")
        {
            return;
        }

        var streams = Setting("LSX_DISCOVERY_BENCH_STREAMS", 1500);
        var users = Setting("LSX_DISCOVERY_BENCH_USERS", 100_000);
        var requests = Setting("LSX_DISCOVERY_BENCH_REQUESTS", 20_000);
        var grains = fixture.Client;
        var random = new Random(23);
        var now = fixture.Clock.GetUtcNow();
        var categories = Enumerable.Range(0, 40).Select(i => $"category-{i}").ToArray();
        var run = Guid.NewGuid().ToString("N")[..6];

        var live = Enumerable.Range(0, streams).Select(i => new StreamInfo(
            $"s_bench_{run}_{i}", $"Stream {i} of {categories[i % categories.Length]} speedrun talk", categories[i % categories.Length],
            $"u_bench_creator_{run}_{i % 1200}", $"creator{i % 1200}", StreamStatus.Live, now, now, null, null, 0, random.Next(0, 5000))
        {
            Tags = [$"tag{i % 25}"],
        }).ToList();
        await Task.WhenAll(live.Select(s => grains.GetGrain<ILiveIndexGrain>(LiveIndexShards.Of(s.Id)).PutAsync(s)));

        // Each viewer watched a few streams, mostly of two favourite categories: signals straight to the interest grains.
        var setup = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, users).Select(i => $"u_bench_{run}_{i}").ToArray();
        foreach (var chunk in ids.Chunk(2000))
        {
            await Task.WhenAll(chunk.Select(async user =>
            {
                var interest = grains.GetGrain<IInterestGrain>(user);
                for (var k = 0; k < 6; k++)
                {
                    var stream = live[random.Next(live.Count)];
                    await interest.RecordAsync(new ViewerSignal(user, SignalKind.Join, stream.Id, now)
                    {
                        CreatorId = stream.CreatorId,
                        CreatorHandle = stream.CreatorHandle,
                        Category = stream.Category,
                        Tags = [.. stream.Tags],
                        TitleTerms = ["speedrun", "talk"],
                    });
                }

                await interest.GetSummaryAsync();
            }));
        }

        output.WriteLine($"{users} viewers' interests in {setup.Elapsed.TotalSeconds:F0} s");
        fixture.Clock.Advance(TimeSpan.FromSeconds(40));
        await grains.GetGrain<IInterestGrain>(ids[0]).RecommendAsync(20);
        await grains.GetGrain<IInterestGrain>(ids[1]).RecommendAsync(20);

        var latencies = new double[requests];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var user = ids[random.Next(ids.Length)];
            var started = Stopwatch.GetTimestamp();
            var list = await grains.GetGrain<IInterestGrain>(user).RecommendAsync(20);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.Equal(20, list.Items.Count);
        }

        Array.Sort(latencies);
        double At(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
        output.WriteLine(
            $"{requests} rankings of {streams} live streams for random viewers among {users}: p50 {At(0.50):F2} ms, p90 {At(0.90):F2} ms, " +
            $"p99 {At(0.99):F2} ms, max {latencies[^1]:F2} ms, {requests / wall.Elapsed.TotalSeconds:F0}/s sequential");
    }
}
