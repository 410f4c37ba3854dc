using LiveStreamX.Grains.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddLiveStreamX(builder.Configuration));
builder.Services.AddHealthChecks();
// Let grains deactivate and persist before the process exits on SIGTERM; never longer (ShutdownDeadline).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(OrleansHostingOptions.Read(builder.Configuration).ShutdownTimeoutSeconds));

var app = builder.Build();
app.MapHealthChecks("/healthz");
try
{
    await app.RunAsync();
}
catch (OperationCanceledException)
{
    // Only a stop requested while starting cancels the start: SIGTERM while the silo still waited for Redis
    // (RedisStartupGate logged it). It never joined, so stopping is clean.
}
