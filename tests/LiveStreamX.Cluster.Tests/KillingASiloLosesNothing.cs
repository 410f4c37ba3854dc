using LiveStreamX.Cluster.Tests.Clients;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// kill -9 of a silo under a steady gift and chat load: its grains reactivate on the survivors from Redis, the
/// clients carry on, no token is lost or doubled, and every viewer (on either Api node) misses nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KillingASiloLosesNothing(ITestOutputHelper output)
{
    [Fact]
    public async Task KillingASiloUnderLoadLosesNoGiftNoTokenAndNoEvent()
    {
        // The victim starts alone, so the streams, wallets and users' event grains all live on it: the kill
        // takes everything at once, every time.
        await using var cluster = await LocalCluster.StartAsync(output, silos: 1);
        try
        {
            await using var scenario = await Scenario.PrepareAsync(cluster, output, new ScenarioShape { Targets = [.. cluster.Apis.Select(a => a.Http)] });
            var victim = cluster.Silos[0];
            await Task.WhenAll(cluster.StartSiloAsync(), cluster.StartSiloAsync());

            await scenario.RunAsync(giftsEach: 20, giftPace: TimeSpan.FromMilliseconds(150), faultAfter: 0.35, fault: () =>
            {
                victim.Kill();
                return Task.CompletedTask;
            });

            var api = cluster.Apis[0].Http;
            var healed = await scenario.WaitForGiftTotalsAsync(api, TimeSpan.FromSeconds(60));
            var caughtUp = await scenario.WaitForViewersToCatchUpAsync(api, TimeSpan.FromSeconds(30));
            var verification = await scenario.VerifyLedgerAsync(api);
            await scenario.VerifyEveryAcknowledgedGiftIsInTheLedgerAsync(api);
            scenario.VerifyViewersMissedNothing();
            Assert.All(cluster.Silos.Where(s => s != victim), s => Assert.False(s.HasExited));
            // The streams lived on the victim: they restarted after the crash, and their viewers were told.
            Assert.All(scenario.Viewers, v => Assert.NotEmpty(v.GapsTooOld));

            scenario.Report("kill -9 of the silo hosting the streams (3 silos, 2 Api nodes)", new Dictionary<string, string>
            {
                ["gift totals matched the acknowledged gifts, no wallet touched"] = $"{healed.TotalSeconds:F1} s after the load",
                ["every viewer had the creators' last chat"] = $"{caughtUp.TotalSeconds:F1} s after that",
                ["gaps in the Api nodes' pushes filled from the replay buffer"] = Scenario.CountLines(cluster.Apis, "filled a gap").ToString(),
                ["ledger"] = $"ok, {verification.GetProperty("wallets").GetInt64()} wallets, debits {verification.GetProperty("totalDebits")} = earnings {verification.GetProperty("totalEarnings")} + platform {verification.GetProperty("totalPlatformShare")}, in flight 0",
            });
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }
}
