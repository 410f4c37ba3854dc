using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveStreamX.LoadTest.Metrics;

/// <summary>The figures of one run, shown as a table and written as JSON.</summary>
public sealed record LoadReport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Scenario { get; init; }

    /// <summary>signalr, socketio or orleans.</summary>
    public required string Protocol { get; init; }

    public required string Target { get; init; }

    public required string Command { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public int Streams { get; init; }

    public int Viewers { get; init; }

    public int Senders { get; init; }

    /// <summary>Connections open at the end of the run (engine mode: 0).</summary>
    public int ConnectionsHeld { get; init; }

    public double Rate { get; init; }

    /// <summary>Reactions each <c>mood:react</c> carried (<c>--taps</c>).</summary>
    public int Taps { get; init; } = 1;

    public double WarmupSeconds { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>What <see cref="Deliveries"/> counts: events received by viewers, or grain calls completed.</summary>
    public required string Unit { get; init; }

    public long Sent { get; init; }

    public long Accepted { get; init; }

    /// <summary>Acknowledged sends per second in the measured window (engine: completed calls per second).</summary>
    public double AcceptedPerSecond { get; init; }

    public long Deliveries { get; init; }

    public double DeliveriesPerSecond { get; init; }

    public required LatencySummary Latency { get; init; }

    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    public long Retries { get; init; }

    public long Lost { get; init; }

    public long Duplicated { get; init; }

    public GiftCheck? Gifts { get; init; }

    public ReactionCheck? Reactions { get; init; }

    public double ClientCpuSeconds { get; init; }

    public double? ServerCpuSeconds { get; init; }

    public double? ClientCpuSecondsPerMillion { get; init; }

    public double? ServerCpuSecondsPerMillion { get; init; }

    public long? ServerRssBeforeBytes { get; init; }

    public long? ServerRssAfterBytes { get; init; }

    public long? ServerBytesPerConnection { get; init; }

    public long? ClientBytesPerConnection { get; init; }

    public long ErrorCount => Errors.Values.Sum();

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken);
    }

    public static async Task<LoadReport> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<LoadReport>(file, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no report.");
    }

    /// <summary>CPU seconds per million units, or null without units or without a reading.</summary>
    public static double? PerMillion(double? seconds, long units) =>
        seconds is null || units == 0 ? null : Math.Round(seconds.Value / units * 1_000_000, 3);
}
