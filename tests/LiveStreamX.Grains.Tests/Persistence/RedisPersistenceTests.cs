using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;
using RedisType = StackExchange.Redis.RedisType;
using RedisValue = StackExchange.Redis.RedisValue;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>State in a real redis-server outlives the whole cluster.</summary>
public sealed class RedisPersistenceTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task StreamsUsersAndChatSurviveAFullRestartOfTheSilo()
    {
        var serviceId = TestIds.Cluster();
        var handle = TestIds.Handle();
        var streamId = TestIds.Stream();
        UserProfile creator;
        long seqBefore;

        await using (var cluster = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId))
        {
            var grains = cluster.Client;
            creator = await grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Creator).WithTimeout();
            var stream = grains.GetGrain<IStreamGrain>(streamId);
            await stream.CreateAsync(new CreateStream(creator.ToActor(), "Persistent", "testing")).WithTimeout();
            await stream.MoveToAsync(creator.ToActor(), StreamStatus.Live).WithTimeout();
            await stream.SetSlowModeAsync(creator.ToActor(), 7).WithTimeout();
            await stream.PostChatAsync(creator.ToActor(), "still here after a restart").WithTimeout();
            seqBefore = (await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Seq;
        }

        await using (var cluster = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId))
        {
            var grains = cluster.Client;
            var stream = await grains.GetGrain<IStreamGrain>(streamId).GetAsync().WithTimeout();
            Assert.NotNull(stream);
            Assert.Equal(StreamStatus.Live, stream.Status);
            Assert.Equal(7, stream.SlowModeSeconds);
            Assert.Equal("Persistent", stream.Title);

            var snapshot = await grains.GetGrain<IStreamGrain>(streamId).JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout();
            Assert.Equal("still here after a restart", Assert.Single(snapshot.Chat).Text);
            Assert.True(snapshot.Seq >= seqBefore);

            var again = await grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Creator).WithTimeout();
            Assert.Equal(creator, again);

            var listed = await grains.GetGrain<IStreamDirectoryGrain>(0).ListAsync(StreamStatus.Live).WithTimeout();
            Assert.Contains(listed, s => s.Id == streamId);

            // The next event continues after every seq handed out before the restart.
            var next = await grains.GetGrain<IStreamGrain>(streamId).PostChatAsync(creator.ToActor(), "next").WithTimeout();
            Assert.True(next.Seq > seqBefore);
        }
    }

    [Fact]
    public async Task ProgressionAndLeaderboardsSurviveAFullRestart()
    {
        var serviceId = TestIds.Cluster();
        var handle = TestIds.Handle();
        string userId;
        await using (var cluster = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId))
        {
            var user = await cluster.Client.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
            userId = user.Id;
            var progression = cluster.Client.GetGrain<LiveStreamX.Progression.IProgressionGrain>(userId);
            await progression.RecordAsync(new LiveStreamX.Progression.XpActivity(LiveStreamX.Progression.XpSource.Gift, "s_any", 150)).WithTimeout();
            var board = cluster.Client.GetGrain<LiveStreamX.Leaderboards.ILeaderboardGrain>("test:" + serviceId);
            await board.AddAsync(userId, handle, 42).WithTimeout();
            await Timeouts.Eventually(async () => (await board.RankAsync(userId, 0))?.Entry.Score == 42, "the score is in");
        }

        await using (var cluster = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId))
        {
            var progress = await cluster.Client.GetGrain<LiveStreamX.Progression.IProgressionGrain>(userId).GetAsync().WithTimeout();
            Assert.Equal(150, progress.Xp);
            Assert.Equal(2, progress.Level);
            Assert.Contains("first-gift", progress.Badges);
            var rank = await cluster.Client.GetGrain<LiveStreamX.Leaderboards.ILeaderboardGrain>("test:" + serviceId).RankAsync(userId, 0).WithTimeout();
            Assert.Equal(42, rank!.Entry.Score);
        }
    }

    [Fact]
    public async Task StateAnEarlierVersionStoredAsJsonIsReadAfterTheUpgrade()
    {
        var serviceId = TestIds.Cluster();
        var streamId = TestIds.Stream();
        var creator = new Actor("u_c_" + Guid.NewGuid().ToString("N")[..8], "json_creator", Role.Creator);

        await using (var before = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId, legacyJson: true))
        {
            var stream = before.Client.GetGrain<IStreamGrain>(streamId);
            await stream.CreateAsync(new CreateStream(creator, "Stored as JSON", "testing")).WithTimeout();
            await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
            await stream.PostChatAsync(creator, "written before the upgrade").WithTimeout();
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        Assert.Equal((byte)'{', (await StoredAsync(redis, "written before the upgrade"))[0]);

        await using var after = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId);
        var upgraded = after.Client.GetGrain<IStreamGrain>(streamId);
        Assert.Equal("Stored as JSON", (await upgraded.GetAsync().WithTimeout())!.Title);
        var snapshot = await upgraded.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout();
        Assert.Equal("written before the upgrade", Assert.Single(snapshot.Chat).Text);

        // The next write (chat history is written within a second) stores it in the new format, and it reads back.
        await upgraded.PostChatAsync(creator, "written after it").WithTimeout();
        Assert.Equal(2, (await upgraded.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Chat.Count);
        await Timeouts.Eventually(
            async () => await FindStoredAsync(redis, "written after it") is { } stored && stored.AsSpan().StartsWith("LSX\u0001"u8),
            "the stream is stored in the binary format");
    }

    /// <summary>The stored value that holds <paramref name="text"/>, whatever the storage's key layout.</summary>
    private static async Task<byte[]> StoredAsync(ConnectionMultiplexer redis, string text) =>
        await FindStoredAsync(redis, text) ?? throw new InvalidOperationException($"No stored value holds '{text}'.");

    /// <summary>The stored value that holds <paramref name="text"/>, or null when none does (yet).</summary>
    private static async Task<byte[]?> FindStoredAsync(ConnectionMultiplexer redis, string text)
    {
        var db = redis.GetDatabase();
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "*"))
        {
            RedisValue[] values = await db.KeyTypeAsync(key) switch
            {
                RedisType.Hash => [.. (await db.HashGetAllAsync(key)).Select(e => e.Value)],
                RedisType.String => [await db.StringGetAsync(key)],
                _ => [],
            };
            foreach (var value in values)
            {
                var bytes = (byte[]?)value ?? [];
                if (bytes.AsSpan().IndexOf(needle) >= 0)
                {
                    return bytes;
                }
            }
        }

        return null;
    }

    [Fact]
    public async Task ACrashedActivationNeverReusesASeq()
    {
        var serviceId = TestIds.Cluster();
        var streamId = TestIds.Stream();
        var creator = new Actor("u_c_" + Guid.NewGuid().ToString("N")[..8], "crash_creator", Role.Creator);
        long lastSeq;

        var first = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId);
        var stream = first.Client.GetGrain<IStreamGrain>(streamId);
        await stream.CreateAsync(new CreateStream(creator, "Crash", "testing")).WithTimeout();
        await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
        await stream.ReportViewersAsync("node", 3, null).WithTimeout();
        await stream.PostChatAsync(creator, "before the crash").WithTimeout();
        lastSeq = (await stream.JoinAsync(new ViewerJoin("node", 3, null)).WithTimeout()).Seq;

        // No clean deactivation: the silo dies with the activation.
        await first.KillSiloAsync(first.Silos[0]).WithTimeout();
        await first.DisposeAsync();

        await using var second = await RedisClusterFactory.StartAsync(_redis.ConnectionString, serviceId);
        var revived = second.Client.GetGrain<IStreamGrain>(streamId);
        var snapshot = await revived.JoinAsync(new ViewerJoin("node", 1, lastSeq - 1)).WithTimeout();
        Assert.True(snapshot.Seq >= lastSeq);
        Assert.True(snapshot.GapTooOld || snapshot.Replay.Count > 0);

        var next = await revived.PostChatAsync(creator, "after the crash").WithTimeout();
        Assert.True(next.Seq > lastSeq);
    }
}
