using LiveStreamX.Cluster.Tests.Clients;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// kill -9 of an Api node behind a load balancer: its viewers' clients reconnect by themselves through the same
/// URL to the other node, re-join with sinceSeq and miss nothing; senders retry there with the same keys.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KillingAnApiNodeMovesItsViewers(ITestOutputHelper output)
{
    [Fact]
    public async Task ViewersOfAKilledApiNodeReconnectToTheOtherAndMissNothing()
    {
        await using var cluster = await LocalCluster.StartAsync(output);
        await using var proxy = new RoundRobinProxy([.. cluster.Apis.Select(a => a.Http)]);
        try
        {
            await using var scenario = await Scenario.PrepareAsync(cluster, output, new ScenarioShape
            {
                Targets = [proxy.Address],
                SkipNegotiation = true,
                Senders = 12,
                Chatters = 2,
            });
            var victim = cluster.Apis[0];
            await scenario.RunAsync(giftsEach: 20, giftPace: TimeSpan.FromMilliseconds(150), faultAfter: 0.35, fault: () =>
            {
                victim.Kill();
                return Task.CompletedTask;
            });

            var survivor = cluster.Apis[1].Http;
            var healed = await scenario.WaitForGiftTotalsAsync(survivor, TimeSpan.FromSeconds(60));
            var caughtUp = await scenario.WaitForViewersToCatchUpAsync(survivor, TimeSpan.FromSeconds(30));
            var verification = await scenario.VerifyLedgerAsync(survivor);
            await scenario.VerifyEveryAcknowledgedGiftIsInTheLedgerAsync(survivor);
            scenario.VerifyViewersMissedNothing();

            // The proxy spread the viewers over both nodes; those of the killed one came back on the survivor.
            var moved = scenario.Viewers.Where(v => v.Reconnects > 0).ToList();
            Assert.NotEmpty(moved);
            Assert.All(scenario.Viewers, v => Assert.Empty(v.GapsTooOld));
            var reconnect = moved.Select(v => v.ReconnectedAt[0] - scenario.FaultAt).ToList();
            var replayed = moved.Sum(v => v.AppliedEvents.Count(e => e.Replayed));

            scenario.Report("kill -9 of one Api node of two, behind a round-robin load balancer", new Dictionary<string, string>
            {
                ["viewers moved to the other node"] = $"{moved.Count} of {scenario.Viewers.Count}; reconnected {reconnect.Min().TotalSeconds:F1}–{reconnect.Max().TotalSeconds:F1} s after the kill; {replayed} events replayed to them by their re-joins",
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
}
