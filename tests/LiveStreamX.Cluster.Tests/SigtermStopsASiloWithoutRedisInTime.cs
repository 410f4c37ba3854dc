using System.Diagnostics;
using System.Text.RegularExpressions;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// A silo whose Redis is gone still stops on SIGTERM within its configured shutdown timeout, and says why
/// (Orleans' own stop would wait on Redis for minutes).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class SigtermStopsASiloWithoutRedisInTime(ITestOutputHelper output)
{
    private const int ShutdownTimeoutSeconds = 8;

    [Fact]
    public async Task ASiloWhoseRedisIsGoneStopsWithinItsShutdownTimeoutAndSaysWhy()
    {
        await using var cluster = await LocalCluster.StartAsync(output, silos: 1, apis: 0, settings: new Dictionary<string, string>
        {
            ["LSX__Orleans__ShutdownTimeoutSeconds"] = ShutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            var silo = cluster.Silos[0];
            cluster.Redis.Kill();

            var stopping = Stopwatch.StartNew();
            silo.Terminate();
            await silo.WaitForExitAsync(TimeSpan.FromSeconds(ShutdownTimeoutSeconds + 10));
            var stopped = stopping.Elapsed;
            output.WriteLine($"Stopped {stopped.TotalSeconds:F1} s after SIGTERM (shutdown timeout {ShutdownTimeoutSeconds} s), exit code {silo.ExitCode}.");

            Assert.InRange(stopped, TimeSpan.Zero, TimeSpan.FromSeconds(ShutdownTimeoutSeconds + 3));
            Assert.Matches(RedisGone(), await silo.WaitForLineAsync(RedisGone(), TimeSpan.FromSeconds(1)));
            if (silo.ExitCode != 0)
            {
                // The stop outlasted the timeout: the process ended itself and said so.
                Assert.Equal(1, silo.ExitCode);
                await silo.WaitForLineAsync(Deadline(), TimeSpan.FromSeconds(1));
            }
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }

    [GeneratedRegex("Stopping while Redis at .* does not answer")]
    private static partial Regex RedisGone();

    [GeneratedRegex("did not stop within the shutdown timeout \\(8 s\\) because Redis does not answer")]
    private static partial Regex Deadline();
}
