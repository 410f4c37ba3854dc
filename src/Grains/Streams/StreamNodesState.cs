using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

/// <summary>The Api nodes' observers a stream pushes to, by node id. Ids are never reused.</summary>
[GenerateSerializer, Alias("lsx.StreamNodesState")]
public sealed record StreamNodesState
{
    [Id(0)]
    public Dictionary<string, IStreamObserver> Observers { get; init; } = [];
}
