using System.Net;
using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Cli;

/// <summary>What to run and against what. Every run is bounded: it connects, loads for warm-up + duration, drains, stops.</summary>
public sealed class LoadOptions
{
    public const string HotStream = "hot-stream";
    public const string GiftStorm = "gift-storm";
    public const string ReactionFlood = "reaction-flood";
    public const string Mixed = "mixed";
    public const string Idle = "idle";
    public const string GrainCalls = "grain-calls";

    public static readonly string[] Scenarios = [HotStream, GiftStorm, ReactionFlood, Mixed, Idle, GrainCalls];

    public string Scenario { get; set; } = string.Empty;

    /// <summary>The server's base URL; only loopback addresses are accepted.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:5080");

    public WireProtocol Protocol { get; set; } = WireProtocol.SignalR;

    /// <summary>The tool's own lean clients, or Microsoft's HubConnection (SignalR only).</summary>
    public ClientKind Client { get; set; } = ClientKind.Raw;

    /// <summary>Connections watching streams (senders of chat are among them).</summary>
    public int Viewers { get; set; } = 100;

    /// <summary>Signed-in users who send; 0 picks enough that each stays under the server's default limits.</summary>
    public int Senders { get; set; }

    /// <summary>Messages (or gifts, or actions) per second, open loop: sent on schedule whatever the server answers.</summary>
    public double Rate { get; set; } = 20;

    public double DurationSeconds { get; set; } = 30;

    public double WarmupSeconds { get; set; } = 5;

    /// <summary>How long, after the last send, viewers may take to receive everything before the rest counts as lost.</summary>
    public double DrainSeconds { get; set; } = 15;

    /// <summary>
    /// Reactions one <c>mood:react</c> carries, as the web client adds up a viewer's taps (reaction-flood, mixed):
    /// each message counts this many reactions.
    /// </summary>
    public int Taps { get; set; } = 1;

    /// <summary>
    /// Reactions one mood batch carries in engine <c>reaction-flood</c>, as an Api node adds up what its viewers of a
    /// stream tapped in a window: each call counts this many reactions.
    /// </summary>
    public int Batch { get; set; } = 100;

    /// <summary>Streams; 0 picks the scenario's default.</summary>
    public int Streams { get; set; }

    /// <summary>The exponent of the Zipf distribution of viewers over streams in <c>mixed</c>.</summary>
    public double Zipf { get; set; } = 1.0;

    /// <summary>Percent of the viewers that disconnect and are replaced by new ones each second in <c>mixed</c>.</summary>
    public double ChurnPercent { get; set; } = 1.0;

    public IReadOnlyList<IPAddress> SourceAddresses { get; set; } = [IPAddress.Loopback];

    /// <summary>New connections per second while the audience connects.</summary>
    public int ConnectRate { get; set; } = 1000;

    /// <summary>The server's process id, to read its CPU time and memory from /proc.</summary>
    public int? ServerPid { get; set; }

    /// <summary>Where to write the JSON report.</summary>
    public string? Out { get; set; }

    /// <summary>Drive grains through an Orleans client instead of the web layer.</summary>
    public bool Engine { get; set; }

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "lsx-dev";

    public string ServiceId { get; set; } = "livestreamx";

    /// <summary>Calls in flight in engine mode (closed loop).</summary>
    public int Concurrency { get; set; } = 256;

    /// <summary>Grains called in <c>grain-calls</c>.</summary>
    public int Grains { get; set; } = 1000;

    public string GiftCode { get; set; } = "rose";

    public int Seed { get; set; } = 1;

    /// <summary>No live progress table: a plain line every few seconds.</summary>
    public bool Quiet { get; set; }

    public int StreamCount => Streams > 0 ? Streams : Scenario switch
    {
        GiftStorm => 10,
        Mixed => 20,
        _ => 1,
    };

    public int SenderCount => Senders > 0 ? Senders : Scenario switch
    {
        // The server's defaults allow a user 1 chat message/s, 10 gifts/s and 10 reactions/s: stay at half of that.
        GiftStorm or ReactionFlood => (int)Math.Ceiling(Rate / 5),
        _ => Math.Min(Viewers, (int)Math.Ceiling(Rate * 2)),
    };

    public IEnumerable<string> Problems()
    {
        if (!Scenarios.Contains(Scenario))
        {
            yield return $"Unknown scenario '{Scenario}': one of {string.Join(", ", Scenarios)}.";
        }

        if (!IsLoopback(Url.Host))
        {
            yield return "--url must be a loopback address (127.0.0.0/8, localhost or [::1]): load goes to this machine only.";
        }

        if (SourceAddresses.Any(a => !IPAddress.IsLoopback(a)))
        {
            yield return "--source-addresses must be loopback addresses (127.0.0.x).";
        }

        if (Protocol == WireProtocol.SocketIo && (Engine || Client == ClientKind.HubConnection))
        {
            yield return "--protocol socketio runs web scenarios with the raw client.";
        }

        if (Viewers < 1 || Rate <= 0 || DurationSeconds <= 0 || WarmupSeconds < 0 || DrainSeconds <= 0 || ConnectRate < 1 || Concurrency < 1 || Grains < 1)
        {
            yield return "--viewers, --rate, --duration, --drain, --connect-rate, --concurrency and --grains are positive; --warmup is 0 or more.";
        }

        if (Taps is < 1 or > 10)
        {
            yield return "--taps is 1–10 (a mood:react carries at most 10 reactions).";
        }

        if (Batch is < 1 or > 1_000_000)
        {
            yield return "--batch is 1–1,000,000 reactions per mood batch.";
        }

        if (Zipf < 0 || ChurnPercent is < 0 or > 50)
        {
            yield return "--zipf is 0 or more; --churn is 0–50 percent per second.";
        }

        if (Scenario == GiftStorm && !Engine && Viewers < StreamCount)
        {
            yield return "gift-storm needs at least one viewer per stream (--viewers ≥ --streams): each stream's first viewer checks its gifts.";
        }

        if (Scenario == Mixed && Viewers < StreamCount + SenderCount)
        {
            yield return "mixed needs more viewers than streams plus senders.";
        }

        if (Scenario == GrainCalls && !Engine)
        {
            yield return "grain-calls runs in engine mode only: add --engine.";
        }

        if (Engine && Scenario is not (GiftStorm or ReactionFlood or GrainCalls))
        {
            yield return "--engine runs gift-storm, reaction-flood and grain-calls.";
        }
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
