using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LiveStreamX.Cluster.Tests.Clients;
using LiveStreamX.Cluster.Tests.Processes;
using Xunit.Abstractions;

namespace LiveStreamX.Cluster.Tests;

/// <summary>
/// Two real Api nodes on one cluster: a ban issued through node A reaches the banned user's connection on node B
/// within a second and B refuses their next message; a suspension through A closes the user's connection on B.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ABanOnOneApiNodeMutesTheUserOnTheOther(ITestOutputHelper output)
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ABanThroughNodeAMutesTheUserOnNodeBWithinASecondAndASuspensionClosesIt()
    {
        await using var cluster = await LocalCluster.StartAsync(output, silos: 2, apis: 2);
        try
        {
            var a = cluster.Apis[0].Http;
            var b = cluster.Apis[1].Http;
            var creator = await Scenario.SignInAsync(a, "creator");
            var streamId = await Scenario.CreateLiveStreamAsync(a, creator);
            var troll = await Scenario.SignInAsync(b, "viewer");
            var other = await Scenario.SignInAsync(b, "viewer");

            await using var trollOnB = await new HubClient(new Uri(b, "/hubs/live"), troll.Token, webSocketsOnly: true).StartAsync();
            var restricted = new TaskCompletionSource<(JsonElement Event, long At)>(TaskCreationOptions.RunContinuationsAsynchronously);
            trollOnB.Connection.On<JsonElement>("moderation:restricted", e => restricted.TrySetResult((e, Stopwatch.GetTimestamp())));
            await trollOnB.JoinAsync(streamId);
            await trollOnB.ChatAsync(streamId, "before the ban");

            // The creator's rules are read once first, as their studio does: the time below is the ban's, not the
            // activation of a grain that had never run.
            using var creatorOnA = LocalCluster.Http(a, creator.Token);
            (await creatorOnA.GetAsync($"/api/creators/{creator.Id}/moderation").WithTimeout()).EnsureSuccessStatusCode();
            var banAt = Stopwatch.GetTimestamp();
            using (var ban = await creatorOnA.PutAsJsonAsync($"/api/creators/{creator.Id}/bans/{troll.Id}", new { reason = "spam" }).WithTimeout())
            {
                Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
            }

            var answeredAt = Stopwatch.GetTimestamp();
            var (told, toldAt) = await restricted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var reached = Stopwatch.GetElapsedTime(banAt, toldAt);
            Assert.Equal("ban", told.GetProperty("kind").GetString());
            output.WriteLine($"ban through A: answered in {Stopwatch.GetElapsedTime(banAt, answeredAt).TotalMilliseconds:F0} ms, reached the user on B after {reached.TotalMilliseconds:F0} ms");
            Assert.True(reached <= WithinASecond, $"The ban reached node B after {reached.TotalMilliseconds:F0} ms.");
            Assert.Equal("forbidden", await HubErrors.CodeOf(() => trollOnB.ChatAsync(streamId, "after the ban")));

            // A suspension through A closes the user's connection on B.
            await using var otherOnB = await new HubClient(new Uri(b, "/hubs/live"), other.Token, webSocketsOnly: true).StartAsync();
            var closed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            otherOnB.Connection.Closed += _ =>
            {
                closed.TrySetResult(Stopwatch.GetTimestamp());
                return Task.CompletedTask;
            };
            using var adminOnA = LocalCluster.Http(a, cluster.Admin().Token);
            var suspendAt = Stopwatch.GetTimestamp();
            using (var suspended = await adminOnA.PutAsJsonAsync($"/api/admin/users/{other.Id}/suspension", new { reason = "abuse" }).WithTimeout())
            {
                Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
            }

            var closedAfter = Stopwatch.GetElapsedTime(suspendAt, await closed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(closedAfter <= WithinASecond, $"The suspended user's connection on node B closed after {closedAfter.TotalMilliseconds:F0} ms.");

            output.WriteLine($"ban through A: answered in {Stopwatch.GetElapsedTime(banAt, answeredAt).TotalMilliseconds:F0} ms, " +
                $"reached the user on B {reached.TotalMilliseconds:F0} ms after it was sent; " +
                $"suspension through A closed the connection on B after {closedAfter.TotalMilliseconds:F0} ms");
        }
        catch
        {
            cluster.PrintLogs();
            throw;
        }
    }
}
