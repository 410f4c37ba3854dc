using LiveStreamX.Analytics;
using LiveStreamX.Discovery;
using LiveStreamX.Progression;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Registers the silo's copy of the live index (and what else discovery's grains share on a silo).</summary>
    public static IServiceCollection AddLiveStreamXDiscovery(this IServiceCollection services)
    {
        services.AddSingleton<LiveCatalog>();
        return services;
    }
}
