using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Api.Realtime;

/// <summary>How an Api node fans a stream's events out to its viewers. Section <c>LSX:Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "LSX:Realtime";

    /// <summary>
    /// The send tick: after a stream's events go out, events that follow within this window wait for its end and
    /// go out together as one <c>stream:events</c> message. The first event after a quiet window never waits.
    /// 0 sends as soon as the previous send is done (events that queued meanwhile still go together).
    /// </summary>
    [Range(0, 1000)]
    public int BatchWindowMilliseconds { get; set; } = 100;

    /// <summary>The most events one <c>stream:events</c> message carries.</summary>
    [Range(1, 10_000)]
    public int MaxBatchEvents { get; set; } = 256;

    /// <summary>Events a stream's outbox holds before the Orleans stream that delivers them is made to wait.</summary>
    [Range(16, 1_000_000)]
    public int OutboxCapacity { get; set; } = 4096;
}
