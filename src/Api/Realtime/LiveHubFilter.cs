using LiveStreamX.Api.Observability;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using LiveStreamX.Common;
using LiveStreamX.Grains.Observability;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// Gives every failed invocation a stable code (<c>HubException</c> "code: sentence"), logs it once (a refusal in
/// one line at debug, an unexpected failure at error with its stack) and counts invocations, errors and connections.
/// </summary>
internal sealed partial class LiveHubFilter(LiveMetrics metrics, ILogger<LiveHubFilter> logger) : IHubFilter
{
    /// <summary>
    /// SignalR's dispatcher logs every exception a hub method throws at error level with its stack, refusals
    /// included; this filter logs them instead, so that category is kept to critical (see LiveStreamXExtensions).
    /// </summary>
    public const string DispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    // Spans, metrics and logs carry the name clients invoke ("gift:send"), not the C# method's.
    private static readonly ConcurrentDictionary<MethodInfo, string> SpanNames = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // The name clients invoke ("gift:send"): HubMethodName is the C# method's.
        var method = SpanNames.GetOrAdd(invocationContext.HubMethod, ProtocolName);
        metrics.Invoked(method);
        using var activity = StartActivity(method);
        if (invocationContext.HubMethodArguments is [HubArgumentError argument])
        {
            var message = argument.Describe(invocationContext.HubMethod.GetParameters());
            metrics.Failed(ErrorCodes.InvalidInput);
            LogRefused(logger, method, ErrorCodes.InvalidInput, message);
            throw new HubException($"{ErrorCodes.InvalidInput}: {message}");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (DomainException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Code);
            metrics.Failed(e.Code);
            LogRefused(logger, method, e.Code, e.Message);
            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ErrorCodes.Unavailable);
            metrics.Failed(ErrorCodes.Unavailable);
            LogUnavailable(logger, e, method);
            throw new HubException($"{ErrorCodes.Unavailable}: The cluster did not answer in time; try again.");
        }
        catch (Exception e) when (e is not HubException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(logger, e, method);
            throw;
        }
    }

    private static string ProtocolName(MethodInfo method) =>
        method.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? method.Name;

    // One trace per invocation: under a WebSocket the current activity is the connection's HTTP request, which lasts
    // as long as the connection, so it is only linked. SignalR's own invocation span, when something listens to it,
    // stays the parent.
    private static Activity? StartActivity(string method)
    {
        var current = Activity.Current;
        if (current is null || current.Source.Name == SignalRSource)
        {
            return LiveTelemetry.Source.StartActivity(method, ActivityKind.Server);
        }

        Activity.Current = null;
        try
        {
            return LiveTelemetry.Source.StartActivity(method, ActivityKind.Server, parentContext: default, links: [new ActivityLink(current.Context)]);
        }
        finally
        {
            if (Activity.Current is null)
            {
                Activity.Current = current;
            }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused: {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} failed: the cluster did not answer")]
    private static partial void LogUnavailable(ILogger logger, Exception ex, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception ex, string method);
}
