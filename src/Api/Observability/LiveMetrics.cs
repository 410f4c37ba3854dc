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
    private readonly Histogram<double> _deliveryLatency;

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
        _deliveryLatency = meter.CreateHistogram<double>(
            "lsx.events.delivery_latency", unit: "ms",
            description: "From the moment a stream grain published an event to its send to the stream's group on this node (wall clocks of silo and node).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000] });
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

    /// <summary>How long an event took from its grain to its send on this node.</summary>
    public void Delivered(TimeSpan latency) => _deliveryLatency.Record(Math.Max(0, latency.TotalMilliseconds));

    public void ReactionDropped(int count = 1) => _reactionsDropped.Add(count);

    public void Failed(string code) => _hubErrors.Add(1, new KeyValuePair<string, object?>("code", code));
}
