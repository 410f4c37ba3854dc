using LiveStreamX.Progression;

namespace LiveStreamX.Grains.Progression;

/// <summary>What a user's progression persists.</summary>
[GenerateSerializer, Alias("lsx.ProgressionState")]
public sealed record ProgressionState
{
    [Id(0)] public long Xp { get; init; }

    [Id(1)] public List<string> Badges { get; init; } = [];

    [Id(2)] public ProgressStats Stats { get; init; } = new();

    /// <summary>Raw engagement XP per "{streamId}|{hour}", for diminishing returns; old hours are dropped.</summary>
    [Id(3)] public Dictionary<string, double> HourlyRaw { get; init; } = [];

    /// <summary>Counted actions per "{source}|{minute}", for the per-minute caps; old minutes are dropped.</summary>
    [Id(4)] public Dictionary<string, long> PerMinute { get; init; } = [];

    [Id(5)] public DateTimeOffset LastWatch { get; init; }

    [Id(6)] public long CreatorXp { get; init; }
}
