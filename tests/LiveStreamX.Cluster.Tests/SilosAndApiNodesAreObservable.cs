using System.Net;
using System.Text.Json;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// Real processes in cluster mode: a silo serves /metrics with Orleans' own meters, the Api node serves the dashboard
/// to an admin, and both write JSON log lines, never the hub's access token or the signing key.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SilosAndApiNodesAreObservable(ITestOutputHelper output)
{
    [Fact]
    public async Task ASiloServesOrleansMetricsAndEveryNodeLogsJsonWithoutSecrets()
    {
        await using var cluster = await LocalCluster.StartAsync(output, silos: 1, apis: 1, new Dictionary<string, string>
        {
            // Every request logged, with its query string: the access_token the hub's WebSocket carries must not show.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        try
        {
            var api = cluster.Apis[0];
            var admin = cluster.Admin();
            var hub = new HubClient(new Uri(api.Http, "/hubs/live"), admin.Token, webSocketsOnly: true);
            await using (await hub.StartAsync())
            {
                using var http = LocalCluster.Http(api.Http, admin.Token);
                using var dashboard = await http.GetAsync("/dashboard/index.html").WithTimeout();
                Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            }

            using var silo = LocalCluster.Http(cluster.Silos[0].Http);
            var metrics = await silo.GetStringAsync("/metrics").WithTimeout();
            Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
            Assert.Contains("orleans_grain", metrics, StringComparison.Ordinal);

            foreach (var node in cluster.Silos.Concat(cluster.Apis))
            {
                var lines = node.Lines.Where(l => l.StartsWith('{')).ToList();
                Assert.NotEmpty(lines);
                Assert.All(node.Lines, line =>
                {
                    Assert.DoesNotContain(admin.Token, line, StringComparison.Ordinal);
                    Assert.DoesNotContain(cluster.SigningKey, line, StringComparison.Ordinal);
                });
                foreach (var line in lines)
                {
                    using var json = JsonDocument.Parse(line);
                    Assert.True(json.RootElement.TryGetProperty("Level", out _));
                }
            }
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }
}
