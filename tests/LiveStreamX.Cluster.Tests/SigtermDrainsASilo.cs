using System.Diagnostics;
using System.Text.RegularExpressions;
using LiveStreamX.Cluster.Tests.Clients;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// SIGTERM on a silo drains it: its grains deactivate and persist before it exits. The observable: a stream
/// grain that deactivated cleanly saved its replay buffer, so a client re-joining with an old sinceSeq after the
/// stream moved to another silo gets a replay, never gapTooOld (which is what a crash gives).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class SigtermDrainsASilo(ITestOutputHelper output)
{
    [Fact]
    public async Task SigtermDeactivatesAndPersistsEveryGrainBeforeTheSiloExits()
    {
        await using var cluster = await LocalCluster.StartAsync(output, silos: 1);
        try
        {
            await using var scenario = await Scenario.PrepareAsync(cluster, output, new ScenarioShape
            {
                Targets = [.. cluster.Apis.Select(a => a.Http)],
                Senders = 10,
                Viewers = 4,
                Chatters = 2,
            });
            var victim = cluster.Silos[0];
            await Task.WhenAll(cluster.StartSiloAsync(), cluster.StartSiloAsync());

            var drained = TimeSpan.Zero;
            await scenario.RunAsync(giftsEach: 20, giftPace: TimeSpan.FromMilliseconds(150), faultAfter: 0.35, fault: async () =>
            {
                var stopping = Stopwatch.StartNew();
                victim.Terminate();
                await victim.WaitForExitAsync(TimeSpan.FromSeconds(40));
                drained = stopping.Elapsed;
            });

            Assert.Equal(0, victim.ExitCode);
            Assert.Matches(@"timeout reached: False", await victim.WaitForLineAsync(DrainedLine(), TimeSpan.FromSeconds(1)));

            var api = cluster.Apis[0].Http;
            var healed = await scenario.WaitForGiftTotalsAsync(api, TimeSpan.FromSeconds(60));
            var caughtUp = await scenario.WaitForViewersToCatchUpAsync(api, TimeSpan.FromSeconds(30));
            var verification = await scenario.VerifyLedgerAsync(api);
            await scenario.VerifyEveryAcknowledgedGiftIsInTheLedgerAsync(api);
            scenario.VerifyViewersMissedNothing();
            Assert.All(scenario.Viewers, v => Assert.Empty(v.GapsTooOld));

            // A client that was away since before the drain re-joins after the streams moved: a replay, no gap.
            var replays = new List<int>();
            foreach (var viewer in scenario.Viewers)
            {
                await using var late = new HubClient(new Uri(api, "/hubs/live"), token: null);
                await late.StartAsync();
                var joined = await late.JoinAsync(viewer.StreamId, viewer.JoinedAt);
                Assert.False(joined.GetProperty("gapTooOld").GetBoolean(), $"{viewer.StreamId}: gapTooOld after a clean drain");
                var replay = joined.GetProperty("replay").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
                Assert.Equal(Enumerable.Range(1, (int)(joined.GetProperty("seq").GetInt64() - viewer.JoinedAt)).Select(i => viewer.JoinedAt + i), replay);
                replays.Add(replay.Count);
            }

            scenario.Report("SIGTERM of the silo hosting the streams (3 silos, 2 Api nodes)", new Dictionary<string, string>
            {
                ["drain: SIGTERM to exit (code 0)"] = $"{drained.TotalSeconds:F1} s; {victim.Lines.FirstOrDefault(DrainedLine().IsMatch)?.Split("] ").Last()}",
                ["re-joins with the first sinceSeq after the drain"] = $"replays of {string.Join(", ", replays)} events, no gapTooOld",
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

    [GeneratedRegex("Silo drained in")]
    private static partial Regex DrainedLine();
}
