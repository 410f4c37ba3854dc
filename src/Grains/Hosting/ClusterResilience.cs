using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace LiveStreamX.Grains.Hosting;

/// <summary>How a silo of a real cluster detects dead peers and lives through Redis being away (docs/RELIABILITY.md).</summary>
public static class ClusterResilience
{
    public static ISiloBuilder AddClusterResilience(this ISiloBuilder silo, OrleansHostingOptions options)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(options.ProbeTimeoutSeconds);
            o.NumMissedProbesLimit = options.MissedProbesLimit;
        });
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new SiloDrainLog(sp.GetRequiredService<ILogger<SiloDrainLog>>()));
        if (options.Clustering == ClusteringKind.Redis || options.Storage == StorageKind.Redis)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
                sp => new RedisStartupGate(options, sp.GetRequiredService<ILogger<RedisStartupGate>>()));
            silo.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ShutdownDeadline>(sp, options));
        }

        return silo;
    }
}
