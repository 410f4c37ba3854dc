using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace LiveStreamX.Grains.Tests;

/// <summary>
/// A two-silo in-process cluster with in-memory storage and a fake clock, shared by the tests of a collection.
/// Chat allows 5 messages per minute here, so a test of the limit never races the refill; a timeline page holds 10
/// entries, so a short test seals several.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LSX:Chat:RateLimitMessages"] = "5",
            ["LSX:Chat:RateLimitPeriodSeconds"] = "60",
            ["LSX:Streams:ViewerCountIntervalMilliseconds"] = "100",
            ["LSX:Streams:ReplayBufferSize"] = "512",
            ["LSX:Wallets:GiftsPerSecond"] = "10000",
            ["LSX:Wallets:TokensPerMinute"] = "100000000",
            ["LSX:LiveKit:CreatorGraceSeconds"] = "1",
            ["LSX:Vod:PageSize"] = "10",
        }));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(GrainClock.Key, Clock);
            silo.AddLiveStreamXGrains(new OrleansHostingOptions());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
