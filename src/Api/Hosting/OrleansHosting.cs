using LiveStreamX.Grains.Hosting;
using LiveStreamX.Api.Realtime;
using LiveStreamX.Grains.Observability;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace LiveStreamX.Api.Hosting;

/// <summary>Puts the grains behind the Api: a co-hosted silo, or a client of a cluster.</summary>
internal static class OrleansHosting
{
    public static void AddOrleans(this WebApplicationBuilder builder, ApiMode mode)
    {
        if (mode == ApiMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddLiveStreamX(builder.Configuration));
            return;
        }

        var options = OrleansHostingOptions.Read(builder.Configuration);
        var telemetry = TelemetryOptions.Read(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            if (options.Clustering == ClusteringKind.Redis)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = options.RedisConfiguration());
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort);
            }

            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(options.ResponseTimeoutSeconds));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(options.GatewayListRefreshSeconds));
            client.Services.AddSingleton<IClientConnectionRetryFilter>(
                sp => new ClusterConnectionRetryFilter(options, sp.GetRequiredService<ILogger<ClusterConnectionRetryFilter>>()));

            // A gateway came or went: a silo died, stopped or joined, and the grains that held this node's observers
            // may be activating elsewhere. Renew every lease now rather than at the next refresh.
            client.AddGatewayCountChangedHandler(sp => (_, _) =>
            {
                sp.GetRequiredService<ViewerPresence>().RenewAll();
                sp.GetRequiredService<UserEventBridge>().RenewAll();
            });

            // A hub call's trace continues into the grains it calls, on whichever silo they live.
            client.AddActivityPropagation();
            if (telemetry.Dashboard)
            {
                client.AddDashboard();
            }
        });
    }
}
