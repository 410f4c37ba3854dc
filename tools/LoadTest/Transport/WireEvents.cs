using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using LiveStreamX.Streams;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>The stream events a viewer may receive, read from the contract (src/Grains.Abstractions).</summary>
public static class WireEvents
{
    /// <summary>
    /// The wire name of every <see cref="StreamEvent"/> the contract defines. All of them share the stream's seq, so
    /// a viewer must listen to each one or a new event would look like a lost one: reading them from the contract
    /// keeps the load test in step as events are added.
    /// </summary>
    public static readonly string[] Stream =
    [
        .. typeof(StreamEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StreamEvent)) && !t.IsAbstract)
            // Type is a constant per class (=> EventNames.X), so an instance without its fields can say it.
            .Select(t => ((StreamEvent)RuntimeHelpers.GetUninitializedObject(t)).Type)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static readonly FrozenSet<string> s_stream = Stream.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="type"/> is a stream event of the contract.</summary>
    public static bool IsStreamEvent(string type) => s_stream.Contains(type);
}

/// <summary>What the load test reads of any stream event, or of a chat acknowledgement; the rest is skipped.</summary>
internal sealed class WireEvent
{
    public string Type { get; set; } = string.Empty;

    public string StreamId { get; set; } = string.Empty;

    public long Seq { get; set; }

    public string? Text { get; set; }

    public string? TransferId { get; set; }
}

/// <summary>A <c>stream:events</c> message: several events of one stream, oldest first.</summary>
internal sealed class WireBatch
{
    public WireEvent[] Events { get; set; } = [];
}

/// <summary>What the load test reads of a join's snapshot.</summary>
internal sealed class WireSnapshot
{
    public long Seq { get; set; }
}

/// <summary>The answer to a reaction.</summary>
internal sealed class WireReactionAck
{
    public bool Accepted { get; set; }
}

/// <summary>What the load test reads of a gift receipt.</summary>
internal sealed class WireReceipt
{
    public string TransferId { get; set; } = string.Empty;

    public long Tokens { get; set; }

    public bool Duplicate { get; set; }
}
