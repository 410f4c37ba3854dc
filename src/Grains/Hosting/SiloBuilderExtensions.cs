using System.Net;
using LiveStreamX.Grains.Chat;
using LiveStreamX.Grains.Mood;
using LiveStreamX.Grains.Observability;
using LiveStreamX.Grains.Payments;
using LiveStreamX.Grains.Streams;
using LiveStreamX.Grains.Vod;
using LiveStreamX.Grains.Wallets;
using LiveStreamX.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;
using Microsoft.Extensions.Hosting;

namespace LiveStreamX.Grains.Hosting;

/// <summary>Configures a silo for LiveStreamX, whether it runs alone (src/Silo) or inside the Api.</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddLiveStreamX(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = OrleansHostingOptions.Read(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        if (options.Clustering == ClusteringKind.Redis)
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = options.RedisConfiguration());
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
                o.AdvertisedIPAddress = ResolveAdvertisedAddress(options.AdvertisedAddress);
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
            });
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
        }

        silo.AddClusterResilience(options);
        silo.AddLiveStreamXTelemetry(TelemetryOptions.Read(configuration));
        return silo.AddLiveStreamXGrains(options);
    }

    /// <summary>Storage, reminders and options of the grains, without clustering (test clusters bring their own).</summary>
    public static ISiloBuilder AddLiveStreamXGrains(this ISiloBuilder silo, OrleansHostingOptions options)
    {
        if (options.Storage == StorageKind.Redis)
        {
            silo.AddRedisGrainStorage(StorageNames.Default, o => ConfigureRedisStorage(o, options));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = options.RedisConfiguration());
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
        }

        // Default storage, memory or Redis, in binary (GrainStateSerializer).
        silo.Services.AddSingleton(sp => new GrainStateSerializer(
            sp.GetRequiredService<Orleans.Serialization.Serializer>(), sp.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>()));
        silo.Services.AddOptions<Orleans.Configuration.MemoryGrainStorageOptions>(StorageNames.Default)
            .Configure<GrainStateSerializer>((o, serializer) => o.GrainStorageSerializer = serializer);
        silo.Services.AddOptions<Orleans.Persistence.RedisStorageOptions>(StorageNames.Default)
            .Configure<GrainStateSerializer>((o, serializer) => o.GrainStorageSerializer = serializer)
            .PostConfigure<IServiceProvider>((o, services) => TraceRedisStorage(o, StorageNames.Default, services));

        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(options.MinimumReminderPeriodSeconds));

        var services = silo.Services;
        services.TryAddKeyedSingleton(GrainClock.Key, TimeProvider.System);
        services.AddSingleton<Gifts.GiftCatalogCache>();
        Discovery.DiscoverySignals.AddLiveStreamXDiscovery(services);
        services.AddSingleton<Leaderboards.LeaderboardScoreBuffer>();
        services.AddHostedService(sp => sp.GetRequiredService<Leaderboards.LeaderboardScoreBuffer>());
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Audit.AuditOptions>().BindConfiguration(Audit.AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WalletOptions>().BindConfiguration(WalletOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddPayments();
        services.AddOptions<MoodOptions>().BindConfiguration(MoodOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Media.StreamMediaOptions>().BindConfiguration(Media.StreamMediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddLiveStreamXMedia();
        services.AddOptions<VodOptions>().BindConfiguration(VodOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return silo;
    }

    /// <summary>
    /// Grain calls traced across silos and clients (Orleans' activity sources), product metrics read off grain calls,
    /// and the dashboard's statistics when it is on.
    /// </summary>
    public static ISiloBuilder AddLiveStreamXTelemetry(this ISiloBuilder silo, TelemetryOptions telemetry)
    {
        silo.AddActivityPropagation();
        silo.AddIncomingGrainCallFilter<GrainMetricsFilter>();
        if (telemetry.Dashboard)
        {
            silo.AddDashboard();
        }

        return silo;
    }

    private static void ConfigureRedisStorage(Orleans.Persistence.RedisStorageOptions storage, OrleansHostingOptions options)
    {
        storage.ConfigurationOptions = options.RedisConfiguration();
    }

    // Storage writes are the Redis calls a trace most needs; Orleans opens the connection itself, so it is handed to
    // the Redis instrumentation here (RedisTracing; absent when a test host brings no telemetry).
    private static void TraceRedisStorage(Orleans.Persistence.RedisStorageOptions storage, string name, IServiceProvider services)
    {
        var create = storage.CreateMultiplexer;
        storage.CreateMultiplexer = async o =>
        {
            var connection = await create(o);
            services.GetService<RedisTracing>()?.Add(name, connection.Multiplexer);
            return connection;
        };
    }

    private static IPAddress ResolveAdvertisedAddress(string? advertised)
    {
        var host = string.IsNullOrWhiteSpace(advertised) ? Dns.GetHostName() : advertised;
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        return Dns.GetHostAddresses(host)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? throw new InvalidOperationException(
                $"'{host}' has no IPv4 address other silos could reach: set {OrleansHostingOptions.Section}:AdvertisedAddress " +
                "(LSX__Orleans__AdvertisedAddress) to this silo's address.");
    }
}
