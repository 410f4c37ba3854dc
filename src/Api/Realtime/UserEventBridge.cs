using System.Collections.Concurrent;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// Forwards a signed-in user's own events (<c>level:up</c>, <c>badge:earned</c>) to all of their connections on
/// this node: one Orleans stream subscription per user with connections here, dropped with the last connection.
/// Best effort: these are notifications, the state they announce is saved and readable over REST.
/// </summary>
public sealed partial class UserEventBridge(IClusterClient cluster, IHubContext<LiveHub> hub, ILogger<UserEventBridge> logger)
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new();

    public async Task ConnectAsync(string userId)
    {
        var feed = _feeds.GetOrAdd(userId, _ => new Feed());
        await feed.Gate.WaitAsync();
        try
        {
            if (feed.Connections++ == 0)
            {
                feed.Subscription = await cluster.GetStreamProvider(StreamNames.Provider)
                    .GetStream<UserEvent>(StreamId.Create(UserEvent.Namespace, userId))
                    .SubscribeAsync((e, _) => hub.Clients.User(userId).SendAsync(e.Type, e));
            }
        }
        catch (Exception ex)
        {
            feed.Connections--;
            LogSubscribeFailed(logger, ex, userId);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    public async Task DisconnectAsync(string userId)
    {
        if (!_feeds.TryGetValue(userId, out var feed))
        {
            return;
        }

        await feed.Gate.WaitAsync();
        try
        {
            if (--feed.Connections == 0 && feed.Subscription is { } subscription)
            {
                feed.Subscription = null;
                await subscription.UnsubscribeAsync();
            }
        }
        catch (Exception ex)
        {
            LogSubscribeFailed(logger, ex, userId);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User events of {UserId}: subscribing or unsubscribing failed")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception ex, string userId);

    private sealed class Feed
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Connections { get; set; }

        public StreamSubscriptionHandle<UserEvent>? Subscription { get; set; }
    }
}

/// <summary>SignalR's user id is the token's <c>sub</c> claim, so <c>Clients.User(id)</c> reaches a user's connections.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(Identity.LiveClaims.Subject)?.Value;
}
