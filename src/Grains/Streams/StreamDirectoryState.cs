using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

/// <summary>Every stream's entry, by id.</summary>
[GenerateSerializer, Alias("lsx.StreamDirectoryState")]
public sealed record StreamDirectoryState
{
    [Id(0)]
    public Dictionary<string, StreamInfo> Streams { get; init; } = [];
}
