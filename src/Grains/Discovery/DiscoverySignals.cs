using LiveStreamX.Analytics;
using LiveStreamX.Discovery;
using LiveStreamX.Progression;
using LiveStreamX.Grains.Discovery.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Discovery;

/// <summary>Discovery's silo services, and the signal an XP activity is.</summary>
public static class DiscoverySignals
{
    /// <summary>The signal of an activity progression counts (a poll vote or a question counts as a chat line).</summary>
    public static ViewerSignal Of(string userId, XpActivity activity, DateTimeOffset at) => activity.Source switch
    {
        XpSource.Watch => new ViewerSignal(userId, SignalKind.Watch, activity.StreamId, at, StreamAnalytics.HeartbeatSeconds),
        XpSource.Gift => new ViewerSignal(userId, SignalKind.Gift, activity.StreamId, at, activity.Amount),
        XpSource.Reaction => new ViewerSignal(userId, SignalKind.Reaction, activity.StreamId, at, activity.Amount),
        _ => new ViewerSignal(userId, SignalKind.Chat, activity.StreamId, at, activity.Amount),
    };

    /// <summary>Registers what discovery's grains share on a silo: the ranker and its options, the copies of the live index and of the co-watch neighbours.</summary>
    public static IServiceCollection AddLiveStreamXDiscovery(this IServiceCollection services)
    {
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new Ranker(sp.GetRequiredService<IOptions<RankingOptions>>().Value));
        services.AddSingleton<LiveCatalog>();
        services.AddSingleton<CoWatchCatalog>();
        return services;
    }
}
