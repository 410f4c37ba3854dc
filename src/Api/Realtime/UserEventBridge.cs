using System.Collections.Concurrent;
using LiveStreamX.Common;
using LiveStreamX.Progression;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// Forwards a signed-in user's own events (<c>level:up</c>, <c>badge:earned</c>) to all of their connections on
/// this node: one grain observer per user with connections here, registered with the user's
/// <see cref="IUserEventsGrain"/> on a lease renewed every <see cref="RenewInterval"/> and dropped with the last
/// connection. Best effort: these are notifications, the state they announce is saved and readable over REST.
/// </summary>
public sealed partial class UserEventBridge(
    IGrainFactory grains, IHubContext<LiveHub> hub, UserConnections connections, ILogger<UserEventBridge> logger) : BackgroundService
{
    /// <summary>Well inside the grain's lease (<c>LSX:Streams:NodeLeaseSeconds</c>, 45 s by default), as for viewer counts.</summary>
    private static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Feed> _feeds = new();

    public async Task ConnectAsync(string userId)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(userId, id => new Feed(hub, connections, id));
            await feed.Gate.WaitAsync();
            try
            {
                if (feed.Retired)
                {
                    continue;
                }

                if (feed.Connections++ == 0)
                {
                    feed.Observer = grains.CreateObjectReference<IUserEventObserver>(feed);
                    await SubscribeAsync(feed);
                }

                return;
            }
            finally
            {
                feed.Gate.Release();
            }
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
            if (--feed.Connections == 0 && feed.Observer is { } observer)
            {
                feed.Retired = true;
                feed.Observer = null;
                _feeds.TryRemove(new KeyValuePair<string, Feed>(userId, feed));
                grains.DeleteObjectReference<IUserEventObserver>(observer);
                await grains.Get<IUserEventsGrain>(userId).UnsubscribeAsync(observer);
            }
        }
        catch (Exception ex)
        {
            // The grain drops the observer when its lease lapses.
            LogSubscribeFailed(logger, ex, userId);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    /// <summary>Renews every lease now: the cluster changed, and the users' grains may have moved.</summary>
    public void RenewAll() => _ = RenewAllAsync();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RenewAllAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RenewAllAsync()
    {
        foreach (var feed in _feeds.Values)
        {
            await SubscribeAsync(feed);
        }
    }

    private async Task SubscribeAsync(Feed feed)
    {
        if (feed.Observer is not { } observer)
        {
            return;
        }

        try
        {
            await grains.Get<IUserEventsGrain>(feed.UserId).SubscribeAsync(observer);
        }
        catch (Exception ex)
        {
            // The next renewal tries again; meanwhile the user may miss a notification, never their progress.
            LogSubscribeFailed(logger, ex, feed.UserId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User events of {UserId}: subscribing or unsubscribing failed")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception ex, string userId);

    private sealed class Feed(IHubContext<LiveHub> hub, UserConnections connections, string userId) : IUserEventObserver
    {
        public string UserId { get; } = userId;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Connections { get; set; }

        public bool Retired { get; set; }

        /// <summary>This feed as the grain sees it; held here, since Orleans holds an observer only weakly.</summary>
        public IUserEventObserver? Observer { get; set; }

        public async Task OnUserEventAsync(UserEvent e)
        {
            await hub.Clients.User(UserId).SendAsync(e.Type, e);

            // A suspended account keeps no connection; a ban or timeout mutes it (the chat refuses), it may still watch.
            if (e is Moderation.ModerationRestricted { Kind: Moderation.RestrictionKind.Suspension })
            {
                connections.CloseAll(UserId);
            }
        }
    }
}

/// <summary>SignalR's user id is the token's <c>sub</c> claim, so <c>Clients.User(id)</c> reaches a user's connections.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(Identity.LiveClaims.Subject)?.Value;
}
