using LiveStreamX.Common;
using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>
/// Engine mode: an Orleans client joins the cluster through a silo's gateway and calls grains directly, closed loop
/// with <see cref="LoadOptions.Concurrency"/> calls in flight, to measure the cluster without the web layer.
/// </summary>
public static class EngineRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, string command, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var runId = "lt" + Guid.NewGuid().ToString("N")[..6];
            IEngineScenario scenario = options.Scenario switch
            {
                LoadOptions.GiftStorm => new EngineGifts(options, grains, runId),
                LoadOptions.GrainCalls => new EngineCalls(options, grains, runId),
                LoadOptions.ReactionFlood => new EngineReactions(options, grains, runId),
                _ => throw new FormatException($"'{options.Scenario}' has no engine mode: gift-storm, reaction-flood or grain-calls."),
            };
            return await MeasureAsync(options, command, scenario, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<LoadReport> MeasureAsync(LoadOptions options, string command, IEngineScenario scenario, CancellationToken cancellationToken)
    {
        var metrics = new RunMetrics();
        var startedAt = DateTimeOffset.UtcNow;
        var display = new ProgressDisplay(metrics, () => 0, options.Quiet) { Phase = "preparing" };
        using var stopDisplay = new CancellationTokenSource();
        var displaying = display.RunAsync(stopDisplay.Token);
        try
        {
            await scenario.PrepareAsync(cancellationToken);
            var start = LoadClock.NowMicros();
            var measureFrom = start + (long)(options.WarmupSeconds * 1_000_000);
            var end = measureFrom + (long)(options.DurationSeconds * 1_000_000);
            metrics.Window.Set(measureFrom, end);
            display.Phase = "warm-up";
            var workers = Enumerable.Range(0, options.Concurrency).Select(w => WorkAsync(scenario, w, end, metrics)).ToList();

            await Task.Delay(TimeSpan.FromMicroseconds(Math.Max(0, measureFrom - LoadClock.NowMicros())), cancellationToken);
            display.Phase = "measuring";
            var (clientCpu, serverCpu) = (ProcessStats.ClientCpuSeconds(), ProcessStats.CpuSeconds(options.ServerPid));
            await Task.Delay(TimeSpan.FromMicroseconds(Math.Max(0, end - LoadClock.NowMicros())), cancellationToken);
            (clientCpu, serverCpu) = (ProcessStats.ClientCpuSeconds() - clientCpu, ProcessStats.CpuSeconds(options.ServerPid) - serverCpu);
            await Task.WhenAll(workers);

            display.Phase = "checking";
            var checks = await scenario.CheckAsync();
            var completed = metrics.AcceptedInWindow;
            var units = completed * scenario.UnitsPerCall;
            return new LoadReport
            {
                Scenario = options.Scenario,
                Protocol = "orleans",
                Target = $"gateway 127.0.0.1:{options.GatewayPort} ({options.ClusterId}/{options.ServiceId})",
                Command = command,
                StartedAt = startedAt,
                Notes = scenario.UnitsPerCall == 1
                    ? [$"closed loop: {options.Concurrency} calls in flight"]
                    : [$"closed loop: {options.Concurrency} calls in flight, each a batch of {scenario.UnitsPerCall} {scenario.Unit}"],
                Streams = scenario.Streams,
                Senders = scenario.Senders,
                WarmupSeconds = options.WarmupSeconds,
                DurationSeconds = options.DurationSeconds,
                Unit = scenario.Unit,
                Sent = metrics.Sent,
                Accepted = metrics.Accepted,
                AcceptedPerSecond = Math.Round(completed / options.DurationSeconds, 1),
                Deliveries = units,
                DeliveriesPerSecond = Math.Round(units / options.DurationSeconds, 1),
                Latency = metrics.Latency.Summary(),
                Errors = metrics.Errors,
                Gifts = checks.Gifts,
                Reactions = checks.Reactions,
                ClientCpuSeconds = Math.Round(clientCpu, 3),
                ServerCpuSeconds = serverCpu is null ? null : Math.Round(serverCpu.Value, 3),
                ClientCpuSecondsPerMillion = LoadReport.PerMillion(clientCpu, units),
                ServerCpuSecondsPerMillion = LoadReport.PerMillion(serverCpu, units),
            };
        }
        finally
        {
            await stopDisplay.CancelAsync();
            await displaying;
        }
    }

    /// <summary>One worker: calls back to back until the end, timing each call from its start.</summary>
    private static async Task WorkAsync(IEngineScenario scenario, int worker, long endMicros, RunMetrics metrics)
    {
        await Task.Yield();
        for (long k = 0; LoadClock.NowMicros() < endMicros; k++)
        {
            var started = LoadClock.NowMicros();
            metrics.Sending();
            try
            {
                await scenario.CallAsync(worker, k);
                metrics.AcceptedAt(started);
                metrics.Latent(started, LoadClock.NowMicros());
            }
            catch (DomainException e)
            {
                metrics.Error(e.Code);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                metrics.Error("unavailable");
            }
        }
    }
}
