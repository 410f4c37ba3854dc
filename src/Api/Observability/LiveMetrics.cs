using System.Diagnostics.Metrics;

namespace LiveStreamX.Api.Observability;

/// <summary>The Api node's own instruments, exported at <c>/metrics</c>.</summary>
public sealed class LiveMetrics
{
    public const string MeterName = "LiveStreamX";

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _eventsIn;
    private readonly Counter<long> _eventsOut;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _hubErrors;
    private readonly Counter<long> _reactionsDropped;
    private readonly Histogram<int> _batchSizes;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("lsx.hub.connections", description: "Open hub connections on this node.");
        _eventsIn = meter.CreateCounter<long>("lsx.events.in", description: "Hub method invocations received.");
        _eventsOut = meter.CreateCounter<long>("lsx.events.out", description: "Stream events sent to a stream's group on this node.");
        _batches = meter.CreateCounter<long>("lsx.events.batches", description: "Messages that carried a stream's events to its group on this node (one event alone, or several as stream:events).");
        _hubErrors = meter.CreateCounter<long>("lsx.hub.errors", description: "Hub invocations that failed, by error code.");
        _batchSizes = meter.CreateHistogram<int>(
            "lsx.events.batch_size", unit: "{event}", description: "Events one send tick carried to a stream's group on this node.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _reactionsDropped = meter.CreateCounter<long>("lsx.mood.dropped", description: "Reactions dropped because a user sent more than the limit.");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Invoked(string method) => _eventsIn.Add(1, new KeyValuePair<string, object?>("method", method));

    public void Sent(string type) => _eventsOut.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>One send tick's message to a stream's group, carrying <paramref name="events"/> events.</summary>
    public void Batched(int events)
    {
        _batches.Add(1);
        _batchSizes.Record(events);
    }

    public void ReactionDropped(int count = 1) => _reactionsDropped.Add(count);

    public void Failed(string code) => _hubErrors.Add(1, new KeyValuePair<string, object?>("code", code));
}
