using LiveStreamX.Audit;

namespace LiveStreamX.Grains.Audit;

/// <summary>An audit log's newest entries; older ones live in sealed <see cref="IAuditPageGrain"/> pages.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AuditLogState")]
public sealed record AuditLogState
{
    /// <summary>The id of the newest entry; ids count up from 1 without gaps.</summary>
    [Id(0)] public long LastId { get; init; }

    /// <summary>Entries SealedPages·size+1 … LastId, oldest first.</summary>
    [Id(1)] public AuditRecord[] Tail { get; init; } = [];

    [Id(2)] public int SealedPages { get; init; }
}

/// <summary>The entries of one sealed audit page.</summary>
[GenerateSerializer, Alias("lsx.AuditPageState")]
public sealed record AuditPageState
{
    [Id(0)] public AuditRecord[] Entries { get; init; } = [];
}
