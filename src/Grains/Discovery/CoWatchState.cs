namespace LiveStreamX.Grains.Discovery;

/// <summary>What a co-watch shard persists: per creator, its distinct viewers and the viewers shared with each other creator.</summary>
[GenerateSerializer, Alias("lsx.CoWatchState")]
public sealed class CoWatchState
{
    [Id(0)] public Dictionary<string, CoWatchCounts> Creators { get; init; } = [];
}

/// <summary>One creator's counts.</summary>
[GenerateSerializer, Alias("lsx.CoWatchCounts")]
public sealed class CoWatchCounts
{
    [Id(0)] public int Viewers { get; set; }

    [Id(1)] public Dictionary<string, int> CoViewers { get; init; } = [];
}
