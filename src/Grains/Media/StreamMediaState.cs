using LiveStreamX.Media;

namespace LiveStreamX.Grains.Media;

/// <summary>What a stream's media grain persists. Ids are never reused.</summary>
[GenerateSerializer, Alias("lsx.StreamMediaState")]
public sealed record StreamMediaState
{
    [Id(0)]
    public bool CreatorPresent { get; init; }

    /// <summary>Set while the creator is away from a live stream: the stream ends then unless they come back.</summary>
    [Id(1)]
    public DateTimeOffset? GraceEndsAt { get; init; }

    [Id(2)]
    public MediaRecording? Recording { get; init; }

    /// <summary>The ids of the events applied, oldest first (the newest <see cref="MediaOptions.RememberedEvents"/>).</summary>
    [Id(3)]
    public string[] AppliedEventIds { get; init; } = [];

    [Id(4)]
    public int EventsApplied { get; init; }
}
