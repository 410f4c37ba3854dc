using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace LiveStreamX.Grains.Observability;

/// <summary>Traces, metrics and logs of a node, alike for a silo (src/Silo) and an Api node.</summary>
public static class TelemetryHosting
{
    /// <summary>Meters every node exports: Orleans' runtime (activations, messages, grain call latency) and ours.</summary>
    private static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        GrainMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "System.Net.Http",
    ];

    /// <summary>
    /// Adds OpenTelemetry (ASP.NET Core, outgoing HTTP, Redis, Orleans' grain calls and our hub spans; Prometheus
    /// metrics, and OTLP when <see cref="TelemetryOptions.OtlpEndpoint"/> is set) and the log format.
    /// <paramref name="jsonByDefault"/>: whether <see cref="LogFormat.Auto"/> means JSON (every cluster process).
    /// </summary>
    public static TBuilder AddLiveStreamXTelemetry<TBuilder>(this TBuilder builder, string serviceName, bool jsonByDefault, params string[] meters)
        where TBuilder : IHostApplicationBuilder
    {
        var options = TelemetryOptions.Read(builder.Configuration);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var otlp = options.OtlpUri();
        builder.Services.AddSingleton<SecretRedactor>();

        if (options.LogFormat == LogFormat.Json || (options.LogFormat == LogFormat.Auto && jsonByDefault))
        {
            builder.Logging.AddConsoleFormatter<RedactingJsonFormatter, ConsoleFormatterOptions>();
            builder.Logging.AddConsole(o => o.FormatterName = RedactingJsonFormatter.FormatterName);
        }

        // Batched exporters on their own threads: a collector that is down costs a timed-out export in the
        // background, never a request's time.
        void Otlp(OtlpExporterOptions o)
        {
            o.Endpoint = otlp!;
            o.Protocol = OtlpExportProtocol.Grpc;
            o.TimeoutMilliseconds = options.OtlpTimeoutMilliseconds;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters, .. meters])
                .AddPrometheusExporter()
                .If(otlp is not null, m => m.AddOtlpExporter(Otlp)))
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    // Application grain calls only: the runtime's source traces membership, stream pulling agents and
                    // the dashboard's polling, every few seconds on every silo.
                    .AddSource(LiveTelemetry.SourceName, ActivitySources.ApplicationGrainActivitySourceName)
                    // Scrapes and probes every few seconds would bury the requests worth seeing.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsPlumbing(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddRedisInstrumentation()
                    .ConfigureRedisInstrumentation((sp, redis) => sp.GetRequiredService<RedisTracing>().Attach(redis))
                    .If(otlp is not null, t => t.AddOtlpExporter(Otlp));
            });
        builder.Services.AddSingleton<RedisTracing>();

        if (otlp is not null)
        {
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeFormattedMessage = true;
                logs.AddProcessor(sp => new RedactingLogProcessor(sp.GetRequiredService<SecretRedactor>()));
                logs.AddOtlpExporter(Otlp);
            });
        }

        return builder;
    }

    /// <summary>Serves <c>/metrics</c> in Prometheus' text format.</summary>
    public static IEndpointRouteBuilder MapLiveStreamXMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static T If<T>(this T builder, bool condition, Func<T, T> then) => condition ? then(builder) : builder;

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
