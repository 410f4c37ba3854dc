using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery;

/// <summary>What a live index shard persists: its live streams (viewer counts are memory only, refreshed by the streams).</summary>
[GenerateSerializer, Alias("lsx.LiveIndexState")]
public sealed class LiveIndexState
{
    [Id(0)] public Dictionary<string, LiveCandidate> Streams { get; init; } = [];
}
