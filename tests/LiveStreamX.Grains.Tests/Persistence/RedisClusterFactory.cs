using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>Test clusters whose grain state lives in a real redis-server.</summary>
internal static class RedisClusterFactory
{
    /// <summary>A cluster on Redis; <paramref name="legacyJson"/> stores state as JSON, as versions before GrainStateSerializer did.</summary>
    public static async Task<InProcessTestCluster> StartAsync(string redisConnectionString, string serviceId, short silos = 1, bool legacyJson = false)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LSX:Wallets:GiftsPerSecond"] = "10000",
            ["LSX:Wallets:TokensPerMinute"] = "100000000",
        }));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLiveStreamXGrains(new OrleansHostingOptions
            {
                Storage = StorageKind.Redis,
                RedisConnectionString = redisConnectionString,
            });
            if (legacyJson)
            {
                silo.Services.AddOptions<Orleans.Persistence.RedisStorageOptions>(StorageNames.Default)
                    .PostConfigure<Orleans.Storage.IGrainStorageSerializer>((o, json) => o.GrainStorageSerializer = json);
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
