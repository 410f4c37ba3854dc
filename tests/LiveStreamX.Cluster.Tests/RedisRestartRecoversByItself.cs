using System.Diagnostics;
using System.Text.RegularExpressions;
using LiveStreamX.Cluster.Tests.Clients;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// Redis goes away under load and comes back (kill -9, restarted on its AOF): the cluster recovers with no
/// operator. While it is down, requests fail with the retryable <c>unavailable</c>, never silently, and a silo and
/// an Api node started meanwhile wait for it instead of exiting.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class RedisRestartRecoversByItself(ITestOutputHelper output)
{
    [Fact]
    public async Task ARedisRestartUnderLoadFailsRequestsRetryablyAndLosesNothing()
    {
        await using var cluster = await LocalCluster.StartAsync(output);
        try
        {
            await using var scenario = await Scenario.PrepareAsync(cluster, output, new ScenarioShape
            {
                Targets = [.. cluster.Apis.Select(a => a.Http)],
                Senders = 12,
            });
            NodeProcess lateSilo = null!, lateApi = null!;
            TimeSpan down = TimeSpan.Zero, failuresBefore = TimeSpan.Zero;
            var attemptsBefore = 0;
            await scenario.RunAsync(giftsEach: 20, giftPace: TimeSpan.FromMilliseconds(150), faultAfter: 0.35, fault: async () =>
            {
                var outage = Stopwatch.StartNew();
                cluster.Redis.Kill();
                attemptsBefore = scenario.GiftAttempts.Count(a => !a.Ok);
                // Processes that start while Redis is down must wait for it, not exit.
                lateSilo = await cluster.StartSiloAsync(wait: false);
                lateApi = await cluster.StartApiAsync(wait: false);
                await lateSilo.WaitForLineAsync(WaitingForRedis(), TimeSpan.FromSeconds(60));
                await lateApi.WaitForLineAsync(WaitingForCluster(), TimeSpan.FromSeconds(60));
                await Timeouts.Eventually(
                    () => Task.FromResult(scenario.GiftAttempts.Count(a => !a.Ok) > attemptsBefore),
                    "a gift fails while Redis is down",
                    TimeSpan.FromSeconds(30));
                await cluster.Redis.RestartAsync();
                down = outage.Elapsed;
            });

            var lateReady = Stopwatch.StartNew();
            await lateSilo.WaitUntilAnswersAsync("/healthz", TimeSpan.FromSeconds(60));
            await lateApi.WaitUntilAnswersAsync("/readyz", TimeSpan.FromSeconds(60));
            var lateTook = lateReady.Elapsed;

            var api = cluster.Apis[0].Http;
            var healed = await scenario.WaitForGiftTotalsAsync(api, TimeSpan.FromSeconds(60));
            var caughtUp = await scenario.WaitForViewersToCatchUpAsync(api, TimeSpan.FromSeconds(30));
            var verification = await scenario.VerifyLedgerAsync(api);
            await scenario.VerifyEveryAcknowledgedGiftIsInTheLedgerAsync(api);
            scenario.VerifyViewersMissedNothing();
            Assert.All(cluster.Silos.Concat(cluster.Apis), n => Assert.False(n.HasExited, $"{n.Name} exited"));

            // Clear and retryable: every failed gift was a 503 "unavailable", every failed chat a hub "unavailable".
            Assert.All(scenario.GiftAttempts.Where(a => !a.Ok), a => Assert.Equal("503 unavailable", a.Outcome));
            Assert.All(scenario.ChatAttempts.Where(a => !a.Ok), a => Assert.Equal("hub unavailable", a.Outcome));
            var back = scenario.FaultAt + down;
            var firstAck = scenario.AckedGifts.Select(g => g.At).Where(t => t > back).DefaultIfEmpty(back).Min() - back;

            // A node started later still reaches the restarted Redis and serves.
            using var http = LocalCluster.Http(lateApi.Http);
            var stats = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/streams/{scenario.Streams[0]}/gifts");
            Assert.Equal(scenario.AckedGifts.Where(g => g.StreamId == scenario.Streams[0]).Sum(g => g.Tokens), stats.GetProperty("totalTokens").GetInt64());

            scenario.Report("Redis killed and restarted on its AOF under load (3 silos, 2 Api nodes)", new Dictionary<string, string>
            {
                ["Redis down"] = $"{down.TotalSeconds:F1} s; first acknowledged gift {firstAck.TotalSeconds:F1} s after it was back",
                ["a silo and an Api node started while Redis was down"] = $"waited, then ready {lateTook.TotalSeconds:F1} s after Redis was back",
                ["gift totals matched the acknowledged gifts, no wallet touched"] = $"{healed.TotalSeconds:F1} s after the load",
                ["every viewer had the creators' last chat"] = $"{caughtUp.TotalSeconds:F1} s after that",
                ["ledger"] = $"ok, debits {verification.GetProperty("totalDebits")} = earnings {verification.GetProperty("totalEarnings")} + platform {verification.GetProperty("totalPlatformShare")}, in flight 0",
            });
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }

    [GeneratedRegex("Waiting for Redis at")]
    private static partial Regex WaitingForRedis();

    [GeneratedRegex("Waiting for the cluster")]
    private static partial Regex WaitingForCluster();
}
