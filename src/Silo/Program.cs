using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddLiveStreamX(builder.Configuration));
builder.AddLiveStreamXTelemetry("livestreamx-silo", jsonByDefault: true);
builder.Services.AddHealthChecks();
// Let grains deactivate and persist before the process exits on SIGTERM; never longer (ShutdownDeadline).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(OrleansHostingOptions.Read(builder.Configuration).ShutdownTimeoutSeconds));

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapLiveStreamXMetrics();
try
{
    await app.RunAsync();
}
catch (OperationCanceledException)
{
    // Only a stop requested while starting cancels the start: SIGTERM while the silo still waited for Redis
    // (RedisStartupGate logged it). It never joined, so stopping is clean.
}
