using LiveStreamX.Api.Observability;
using LiveStreamX.Common;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// Gives every failed invocation a stable code (<c>HubException</c> "code: sentence") and counts invocations,
/// errors and connections.
/// </summary>
internal sealed partial class LiveHubFilter(LiveMetrics metrics, ILogger<LiveHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        metrics.Invoked(invocationContext.HubMethodName);
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException e)
        {
            metrics.Failed(e.Code);
            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            metrics.Failed(ErrorCodes.Unavailable);
            LogUnavailable(logger, e, invocationContext.HubMethodName);
            throw new HubException($"{ErrorCodes.Unavailable}: The cluster did not answer in time; try again.");
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        metrics.Connected();
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.Disconnected();
        await next(context, exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} failed: the cluster did not answer")]
    private static partial void LogUnavailable(ILogger logger, Exception ex, string method);
}
