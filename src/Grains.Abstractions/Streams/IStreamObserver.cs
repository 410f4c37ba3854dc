using Orleans.Concurrency;

namespace LiveStreamX.Streams;

/// <summary>
/// An Api node's receiver of one stream's events. The node registers it with the stream grain in its viewer-count
/// report (<see cref="IStreamGrain.ReportViewersAsync"/>), which is also its lease; the grain pushes every event
/// to it, one way, in seq order.
/// </summary>
[Alias("lsx.IStreamObserver")]
public interface IStreamObserver : IGrainObserver
{
    /// <summary>The next events of the stream, oldest first. One way: the stream grain never waits for a node.</summary>
    [OneWay, Alias("OnEvents")]
    Task OnEventsAsync(StreamEvent[] events);
}

/// <summary>What a stream's replay buffer holds after a seq: the answer to a node that saw a gap.</summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamReplay")]
public sealed record StreamReplay(
    [property: Id(0)] long Seq,
    [property: Id(1)] IReadOnlyList<StreamEvent> Events,
    [property: Id(2)] bool GapTooOld);
