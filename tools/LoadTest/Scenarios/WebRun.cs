using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Output;
using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// Runs one web scenario over real connections: prepare the audience, load for warm-up + duration on the open-loop
/// schedule, wait for the answers, drain, check, report. CPU time is read at the edges of the measured window.
/// </summary>
public static class WebRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, string command, CancellationToken cancellationToken)
    {
        var metrics = new RunMetrics();
        var gifts = new GiftBook(metrics);
        using var api = new ServerApi(options.Url);
        using var sources = new LoopbackSources(options.SourceAddresses);
        await using var audience = new Audience(options, metrics, gifts, api, new ConnectionFactory(options.Url, options.Protocol, options.Client, sources));
        var scenario = Create(new RunContext(options, metrics, audience, new LoadActions(metrics, gifts, api, audience.RunId, options.GiftCode, options.Taps)));

        var startedAt = DateTimeOffset.UtcNow;
        var serverRssBefore = ProcessStats.RssBytes(options.ServerPid);
        var clientRssBefore = ProcessStats.ClientRssBytes();
        var display = new ProgressDisplay(metrics, () => audience.OpenConnections, options.Quiet);
        using var stopDisplay = new CancellationTokenSource();
        var displaying = display.RunAsync(stopDisplay.Token);
        try
        {
            display.Phase = "connecting";
            await scenario.PrepareAsync(cancellationToken);

            var start = LoadClock.NowMicros();
            var measureFrom = start + Micros(options.WarmupSeconds);
            var end = measureFrom + Micros(options.DurationSeconds);
            metrics.Window.Set(measureFrom, end);
            var loop = new OpenLoop(Math.Max(scenario.Rate, 1), metrics);
            display.Phase = "warm-up";
            var load = scenario.Rate > 0 ? loop.RunAsync(start, end, (n, due) => scenario.ActAsync(n, due, cancellationToken), cancellationToken) : Task.CompletedTask;
            var ticks = EverySecondAsync(scenario, end, cancellationToken);

            await DelayUntilAsync(measureFrom, cancellationToken);
            display.Phase = "measuring";
            var (clientCpu, serverCpu) = (ProcessStats.ClientCpuSeconds(), ProcessStats.CpuSeconds(options.ServerPid));
            await DelayUntilAsync(end, cancellationToken);
            (clientCpu, serverCpu) = (ProcessStats.ClientCpuSeconds() - clientCpu, ProcessStats.CpuSeconds(options.ServerPid) - serverCpu);
            await load;
            await ticks;

            display.Phase = "draining";
            await loop.WaitAnsweredAsync(Audience.CallTimeout, cancellationToken);
            await audience.DrainAsync(scenario.Streams, TimeSpan.FromSeconds(options.DrainSeconds), cancellationToken);
            display.Phase = "checking";
            var checks = await scenario.CheckAsync(cancellationToken);

            var held = audience.OpenConnections;
            var serverRssAfter = ProcessStats.RssBytes(options.ServerPid);
            var delivered = metrics.DeliveredInWindow;
            return new LoadReport
            {
                Scenario = options.Scenario,
                Protocol = (options.Protocol, options.Client) switch
                {
                    (WireProtocol.SocketIo, _) => "socketio",
                    (_, ClientKind.HubConnection) => "signalr, HubConnection",
                    _ => "signalr",
                },
                Target = options.Url.ToString(),
                Command = command,
                StartedAt = startedAt,
                Notes = scenario.Notes,
                Streams = scenario.Streams.Count,
                Viewers = options.Viewers,
                Senders = options.Scenario == LoadOptions.Idle ? 0 : options.SenderCount,
                ConnectionsHeld = held,
                Rate = scenario.Rate,
                Taps = options.Taps,
                WarmupSeconds = options.WarmupSeconds,
                DurationSeconds = options.DurationSeconds,
                Unit = "deliveries",
                Sent = metrics.Sent,
                Accepted = metrics.Accepted,
                AcceptedPerSecond = Math.Round(metrics.AcceptedInWindow / options.DurationSeconds, 1),
                Deliveries = delivered,
                DeliveriesPerSecond = Math.Round(delivered / options.DurationSeconds, 1),
                Latency = metrics.Latency.Summary(),
                Errors = metrics.Errors,
                Retries = metrics.Retries,
                Lost = metrics.Lost,
                Duplicated = metrics.Duplicated,
                Gifts = checks.Gifts,
                Reactions = checks.Reactions,
                ClientCpuSeconds = Math.Round(clientCpu, 3),
                ServerCpuSeconds = serverCpu is null ? null : Math.Round(serverCpu.Value, 3),
                ClientCpuSecondsPerMillion = LoadReport.PerMillion(clientCpu, delivered),
                ServerCpuSecondsPerMillion = LoadReport.PerMillion(serverCpu, delivered),
                ServerRssBeforeBytes = serverRssBefore,
                ServerRssAfterBytes = serverRssAfter,
                ServerBytesPerConnection = held == 0 ? null : (serverRssAfter - serverRssBefore) / held,
                ClientBytesPerConnection = held == 0 ? null : (ProcessStats.ClientRssBytes() - clientRssBefore) / held,
            };
        }
        finally
        {
            await stopDisplay.CancelAsync();
            await displaying;
        }
    }

    private static IWebScenario Create(RunContext run) => run.Options.Scenario switch
    {
        LoadOptions.HotStream => new HotStream(run),
        LoadOptions.GiftStorm => new GiftStorm(run),
        LoadOptions.Mixed => new Mixed(run),
        LoadOptions.Idle => new Idle(run),
        LoadOptions.ReactionFlood => new ReactionFlood(run),
        _ => throw new ArgumentException($"'{run.Options.Scenario}' is not a web scenario."),
    };

    private static async Task EverySecondAsync(IWebScenario scenario, long endMicros, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (LoadClock.NowMicros() < endMicros && await timer.WaitForNextTickAsync(cancellationToken))
        {
            await scenario.EverySecondAsync(cancellationToken);
        }
    }

    private static async Task DelayUntilAsync(long micros, CancellationToken cancellationToken)
    {
        var wait = micros - LoadClock.NowMicros();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMicroseconds(wait), cancellationToken);
        }
    }

    private static long Micros(double seconds) => (long)(seconds * 1_000_000);
}
