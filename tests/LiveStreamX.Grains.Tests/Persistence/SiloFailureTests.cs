using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Wallets;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit.Abstractions;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>The money path against a real redis-server, with a silo dying under load.</summary>
public sealed class SiloFailureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static int s_retries;

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task KillingASiloMidLoadLosesAndDoublesNoToken()
    {
        await using var cluster = await RedisClusterFactory.StartAsync(_redis.ConnectionString, TestIds.Cluster(), silos: 3);
        var grains = cluster.Client;
        var streams = new List<IStreamGrain>();
        for (var i = 0; i < 5; i++)
        {
            var creatorHandle = TestIds.Handle("c");
            var creator = (await grains.GetGrain<IHandleGrain>(Handles.Normalize(creatorHandle)).ClaimAsync(creatorHandle, Role.Creator).WithTimeout()).ToActor();
            var stream = grains.GetGrain<IStreamGrain>(TestIds.Stream());
            await stream.CreateAsync(new CreateStream(creator, "Under fire", "testing")).WithTimeout();
            await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
            streams.Add(stream);
        }

        var viewers = new List<UserProfile>();
        for (var i = 0; i < 30; i++)
        {
            var handle = TestIds.Handle("v");
            viewers.Add(await grains.GetGrain<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout());
        }

        const int giftsEach = 40;
        var sent = new TaskCompletionSource();
        var halfway = 0;
        var load = viewers.Select((viewer, v) => Task.Run(async () =>
        {
            var receipts = new List<GiftReceipt>();
            for (var g = 0; g < giftsEach; g++)
            {
                var send = new SendGift(streams[(v + g) % streams.Count].GetPrimaryKeyString(), "heart", 1, $"k_{viewer.Id}_{g}");
                receipts.Add(await SendWithRetriesAsync(grains.GetGrain<IWalletGrain>(viewer.Id), send));
                if (Interlocked.Increment(ref halfway) == viewers.Count * giftsEach / 2)
                {
                    sent.TrySetResult();
                }
            }

            return receipts;
        })).ToList();

        // Half the gifts are acknowledged (a failing sender ends the wait early, with its error).
        await Task.WhenAny(sent.Task, Task.WhenAll(load)).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.All(load, l => Assert.False(l.IsFaulted, l.Exception?.ToString()));
        await cluster.KillSiloAsync(cluster.Silos[1]).WithTimeout();
        var acknowledged = (await Task.WhenAll(load).WaitAsync(TimeSpan.FromMinutes(4))).SelectMany(r => r).ToList();

        // Every acknowledged gift is in the ledger exactly once, and all of it reached earnings and streams.
        LedgerVerification? last = null;
        await Timeouts.Eventually(
            async () => (last = await grains.GetGrain<ILedgerAuditGrain>(0).VerifyAsync()) is { Ok: true, InFlight: 0 },
            "the ledgers reconcile with nothing in flight",
            TimeSpan.FromMinutes(2));
        var verification = last!;
        Assert.Equal(viewers.Count * giftsEach, acknowledged.Count);
        Assert.Equal(acknowledged.Count, acknowledged.Select(r => r.TransferId).Distinct().Count());
        Assert.Equal(acknowledged.Sum(r => r.Tokens), verification.TotalDebits);
        Assert.Equal(verification.TotalDebits, verification.TotalEarnings + verification.TotalPlatformShare);

        output.WriteLine($"acknowledged {acknowledged.Count} gifts, {acknowledged.Sum(r => r.Tokens)} tokens; retries after errors: {s_retries}; " +
            $"debits {verification.TotalDebits} = earnings {verification.TotalEarnings} + platform {verification.TotalPlatformShare}");
        foreach (var viewer in viewers)
        {
            var debits = (await grains.GetGrain<IWalletGrain>(viewer.Id).GetLedgerAsync(100, null)).Entries.Count(e => e.Kind == LedgerKind.GiftDebit);
            Assert.Equal(giftsEach, debits);
        }

        var totals = await Task.WhenAll(streams.Select(s => s.GetGiftStatsAsync()));
        Assert.Equal(acknowledged.Sum(r => r.Tokens), totals.Sum(t => t.TotalTokens));
    }

    [Fact]
    public async Task ASecondWriterWithAStaleETagFailsInsteadOfOverwriting()
    {
        await using var cluster = await RedisClusterFactory.StartAsync(_redis.ConnectionString, TestIds.Cluster());
        var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("wallet", "u_etag_" + Guid.NewGuid().ToString("N")[..8]);

        var first = new GrainState<WalletState>(new WalletState());
        var second = new GrainState<WalletState>(new WalletState());
        await storage.ReadStateAsync("wallet", grainId, first);
        await storage.ReadStateAsync("wallet", grainId, second);

        first.State = (first.State ?? new WalletState()) with { Opened = true, Balance = 100 };
        await storage.WriteStateAsync("wallet", grainId, first);

        // Two activations read the same version; the one that writes second must fail, not spend twice.
        second.State = (second.State ?? new WalletState()) with { Opened = true, Balance = 999 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("wallet", grainId, second));

        var reread = new GrainState<WalletState>(new WalletState());
        await storage.ReadStateAsync("wallet", grainId, reread);
        Assert.Equal(100, reread.State!.Balance);
    }

    /// <summary>What a client does: retry with the same key until the wallet answers.</summary>
    private static async Task<GiftReceipt> SendWithRetriesAsync(IWalletGrain wallet, SendGift send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await wallet.SendGiftAsync(send).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (attempt < 30 && ex is not DomainException { Code: not ErrorCodes.Unavailable })
            {
                Interlocked.Increment(ref s_retries);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10)));
            }
        }
    }
}
