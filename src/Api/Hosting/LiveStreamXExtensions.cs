using System.Text.Json;
using System.Text.Json.Serialization;
using LiveStreamX.Api.Apis;
using LiveStreamX.Api.Demo;
using LiveStreamX.Api.Errors;
using LiveStreamX.Api.Identity;
using LiveStreamX.Api.Identity.Providers;
using LiveStreamX.Api.Media;
using LiveStreamX.Api.Mood;
using LiveStreamX.Api.Observability;
using LiveStreamX.Api.RateLimits;
using LiveStreamX.Api.Realtime;
using LiveStreamX.Grains.Observability;
using LiveStreamX.Grains.Vod;
using LiveStreamX.Media;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace LiveStreamX.Api.Hosting;

/// <summary>The whole Api node, wired once for Program.cs and for tests.</summary>
public static class LiveStreamXExtensions
{
    /// <summary>Where the Orleans dashboard is served (admins only).</summary>
    public const string DashboardPath = "/dashboard";

    public static WebApplicationBuilder AddLiveStreamX(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();

        services.AddOptions<ConnectionLimits>().BindConfiguration(ConnectionLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, KestrelConnectionLimits>();
        builder.AddOrleans(api.Mode);
        services.AddSingleton(TimeProvider.System);
        services.AddLiveIdentity();
        builder.AddLiveSignIn();
        services.AddRestRateLimits();

        // One JSON contract for HTTP and the hub (docs/PROTOCOL.md, "Errors"): enums travel as kebab-case words
        // ("live", "gift-debit"); numbers are JSON numbers, never strings; a member named twice is refused.
        services.ConfigureHttpJsonOptions(o => StrictJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSignalR(o =>
            {
                o.AddFilter<LiveHubFilter>();
                o.MaximumReceiveMessageSize = LiveHub.MaxMessageBytes;
                // Only so that a connection closed for a message over the size limit can say so; CodedJsonHubProtocol
                // strips every other detail before it is sent.
                o.EnableDetailedErrors = true;
            })
            .AddJsonProtocol(o => StrictJson(o.PayloadSerializerOptions));
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol, CodedJsonHubProtocol>();
        builder.Logging.AddFilter(LiveHubFilter.DispatcherLogCategory, LogLevel.Critical);
        services.AddSingleton<LiveHubFilter>();
        services.AddSingleton<KnownStreams>();
        services.AddSingleton<NodeIdentity>();
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StreamEventBridge>();
        services.AddSingleton<UserEventBridge>();
        services.AddSingleton<UserConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<UserEventBridge>());
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<ViewerPresence>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewerPresence>());
        services.AddOptions<ReactionOptions>().BindConfiguration(ReactionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReactionAggregator>();
        services.AddHostedService(sp => sp.GetRequiredService<ReactionAggregator>());
        services.AddLiveStreamXMedia();
        services.AddOptions<VodOptions>().BindConfiguration(VodOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Vod.MomentFrames>();
        services.AddMedia();
        services.AddSegments();

        // Every refusal carries a code, also those the framework answers by status alone (routing, authorization).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (ErrorStatus.CodeOf(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode) is { } code)
            {
                context.ProblemDetails.Extensions.TryAdd("code", code);
            }
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<HubContractTransformer>().AddDocumentTransformer<DocumentedRefusals>());
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        services.AddSingleton<LiveMetrics>();
        Grains.Payments.PaymentsServiceCollectionExtensions.AddPayments(services);
        builder.AddLiveStreamXTelemetry("livestreamx-api", jsonByDefault: api.Mode == ApiMode.Client, LiveMetrics.MeterName);

        if (api.DemoData)
        {
            services.AddHostedService<DemoData>();
        }

        return builder;
    }

    public static WebApplication MapLiveStreamX(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(IsHubRequestWithToken, hub => hub.Use(RejectInvalidTokenAsync));

        app.MapAuthApi();
        app.MapSessionsApi();
        app.MapSignInApi();
        app.MapStreamsApi();
        app.MapGiftsApi();
        app.MapWalletsApi();
        app.MapEngagementApi();
        app.MapMomentPages();
        app.MapLeaderboardsApi();
        app.MapModerationApi();
        app.MapReportsApi();
        app.MapAnalyticsApi();
        app.MapUsersApi();
        app.MapAuditApi();
        app.MapFollowsApi();
        app.MapRecommendationsApi();
        app.MapMediaFiles();
        app.MapVodApi();
        app.MapMediaApi();
        app.MapSegmentsApi();
        app.MapStoreApi();
        app.MapPayoutsApi();
        // Access tokens are short: a connection ends with its token, and the client comes back with a fresh one and
        // resumes its streams by seq (docs/PROTOCOL.md, "Sessions"), so a revoked session keeps no connection for long.
        app.MapHub<LiveHub>(LiveHub.Path, o => o.CloseOnAuthenticationExpiration = true);

        app.MapOpenApi();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapLiveStreamXMetrics();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Dashboard)
        {
            // Grain types, activations and call rates of the whole cluster: operators only, and no part of the API's
            // contract (the OpenAPI document, the web client's generated types and the fuzz suite leave it out).
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        }

        // Unknown API paths are 404s; every other path is a client-side route of the web client.
        app.Map("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such endpoint."));
        app.MapFallbackToFile("index.html");
        return app;
    }

    private static void StrictJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
    }

    // Anonymous viewers may watch, but a token that fails validation is an error, not a silent downgrade.
    private static bool IsHubRequestWithToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs")
        && (context.Request.Query.ContainsKey("access_token") || context.Request.Headers.Authorization.Count > 0);

    private static Task RejectInvalidTokenAsync(HttpContext context, Func<Task> next)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return next();
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
