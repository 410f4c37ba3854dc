using LiveStreamX.Chat;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

/// <summary>What a stream persists. Ids are never reused.</summary>
[GenerateSerializer, Alias("lsx.StreamState")]
public sealed record StreamState
{
    /// <summary>Null until the stream is created.</summary>
    [Id(0)]
    public StreamInfo? Info { get; init; }

    /// <summary>No seq above this was ever handed out: a new activation continues after it.</summary>
    [Id(1)]
    public long SeqReserved { get; init; }

    /// <summary>The newest chat messages, oldest first.</summary>
    [Id(2)]
    public ChatMessageEvent[] Chat { get; init; } = [];

    /// <summary>The replay buffer as a clean deactivation left it; used only if it ends at <see cref="SeqReserved"/>.</summary>
    [Id(3)]
    public StreamEvent[] Replay { get; init; } = [];
}
