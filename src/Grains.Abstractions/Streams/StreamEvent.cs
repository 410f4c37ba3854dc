using System.Text.Json.Serialization;

namespace LiveStreamX.Streams;

/// <summary>
/// Something that happened in a stream, as every viewer receives it. <see cref="Seq"/> grows by one per event
/// of a stream, so a client sees any gap.
/// </summary>
[GenerateSerializer, Alias("lsx.StreamEvent")]
public abstract record StreamEvent
{
    /// <summary>The wire name of the event, for example <c>chat:message</c>.</summary>
    [JsonPropertyOrder(-4)]
    public abstract string Type { get; }

    [Id(0), JsonPropertyOrder(-3)]
    public required string StreamId { get; init; }

    [Id(1), JsonPropertyOrder(-2)]
    public long Seq { get; init; }

    [Id(2), JsonPropertyOrder(-1)]
    public DateTimeOffset At { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the call that caused the event, so the send tick that delivers it can link to
    /// its trace (docs/OPERATIONS.md). Never sent to clients.
    /// </summary>
    [Id(3), JsonIgnore]
    public string? TraceParent { get; init; }
}

/// <summary>The stream moved to another status.</summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamStateChanged")]
public sealed record StreamStateChanged : StreamEvent
{
    public override string Type => EventNames.StreamState;

    [Id(0)]
    public required StreamStatus Status { get; init; }

    [Id(1)]
    public required StreamStatus PreviousStatus { get; init; }
}

/// <summary>How many connections watch the stream on all Api nodes together.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ViewerCountChanged")]
public sealed record ViewerCountChanged : StreamEvent
{
    public override string Type => EventNames.ViewersCount;

    [Id(0)]
    public required int Count { get; init; }
}

/// <summary>The creator changed the stream's slow mode.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SlowModeChanged")]
public sealed record SlowModeChanged : StreamEvent
{
    public override string Type => EventNames.ChatSlowMode;

    [Id(0)]
    public required int Seconds { get; init; }
}
