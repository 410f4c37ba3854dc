using LiveStreamX.Moderation;

namespace LiveStreamX.Grains.Moderation;

/// <summary>What a creator's moderation persists. Replaced on every change, never changed in place (it is committed).</summary>
[GenerateSerializer, Alias("lsx.ModerationState")]
public sealed record ModerationState
{
    /// <summary>The user ids of the creator's moderators.</summary>
    [Id(0)]
    public string[] Moderators { get; init; } = [];

    /// <summary>Banned users by id.</summary>
    [Id(1)]
    public Dictionary<string, Restriction> Bans { get; init; } = [];

    /// <summary>Timed-out users by id; an entry past its end is dropped at the next change.</summary>
    [Id(2)]
    public Dictionary<string, Restriction> Timeouts { get; init; } = [];

    [Id(3)]
    public BlockedTerm[] Terms { get; init; } = [];

    /// <summary>Messages waiting for review, oldest first.</summary>
    [Id(4)]
    public HeldMessage[] Held { get; init; } = [];
}

/// <summary>The platform's blocked terms.</summary>
[GenerateSerializer, Alias("lsx.PlatformModerationState")]
public sealed record PlatformModerationState
{
    [Id(0)]
    public BlockedTerm[] Terms { get; init; } = [];

    [Id(1)]
    public long Version { get; init; }
}

/// <summary>A report queue: open reports and the last resolved ones, newest last.</summary>
[GenerateSerializer, Alias("lsx.ReportQueueState")]
public sealed record ReportQueueState
{
    [Id(0)]
    public Report[] Reports { get; init; } = [];
}
