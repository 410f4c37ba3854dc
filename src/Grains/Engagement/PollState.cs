using LiveStreamX.Engagement;

namespace LiveStreamX.Grains.Engagement;

/// <summary>What a stream's poll grain persists.</summary>
[GenerateSerializer, Alias("lsx.PollState")]
public sealed record PollState
{
    /// <summary>The open poll, or the last closed one.</summary>
    [Id(0)] public Poll? Current { get; init; }

    /// <summary>Who voted in <see cref="Current"/>.</summary>
    [Id(1)] public HashSet<string> Voters { get; init; } = [];
}
