using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Streams;

/// <summary>Stream session tuning. Section <c>LSX:Streams</c>.</summary>
public sealed class StreamOptions
{
    public const string Section = "LSX:Streams";

    /// <summary>Events a stream keeps for clients that reconnect with <c>sinceSeq</c>: at a busy stream's ~13 events a second, about 2.5 minutes.</summary>
    [Range(500, 100_000)]
    public int ReplayBufferSize { get; set; } = 2048;

    /// <summary>The shortest time between two <c>viewers:count</c> events of one stream.</summary>
    [Range(100, 60_000)]
    public int ViewerCountIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How long an Api node's viewer count holds without a refresh (a node that died stops counting).</summary>
    [Range(5, 3600)]
    public int NodeLeaseSeconds { get; set; } = 45;

    /// <summary>Seq numbers reserved per storage write, so a crashed activation never reuses one.</summary>
    [Range(1, 1_000_000)]
    public int SeqReservationBlock { get; set; } = 1000;
}
