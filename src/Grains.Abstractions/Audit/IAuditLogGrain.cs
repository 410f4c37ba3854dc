namespace LiveStreamX.Audit;

/// <summary>
/// The append-only record of who did what to whom: moderation actions, role changes, admin grants, suspensions
/// (later payouts). Key: <see cref="AuditScopes.Platform"/> for the whole platform; an entry naming a creator is also
/// kept under that creator's scope, so a creator reads their own streams' log without scanning the platform's.
/// </summary>
[Alias("lsx.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Appends one entry durably (the call returns after it is stored); returns it with its id.</summary>
    [Alias("Append")]
    Task<AuditRecord> AppendAsync(AuditEntry entry);

    /// <summary>Newest first, filtered, one page at a time; <see cref="AuditPage.Next"/> asks for the next page.</summary>
    [Alias("Query"), Orleans.Concurrency.AlwaysInterleave]
    Task<AuditPage> QueryAsync(AuditQuery query);
}

/// <summary>The keys of the audit log grains.</summary>
public static class AuditScopes
{
    public const string Platform = "platform";

    public static string Creator(string creatorId) => $"creator/{creatorId}";
}

/// <summary>
/// One action to record. <paramref name="Action"/> is a kebab-case word such as <c>chat-delete</c>, <c>user-ban</c>,
/// <c>role-change</c>, <c>account-suspend</c>; <paramref name="Target"/> the user, message or setting acted on.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string ActorId,
    [property: Id(1)] string ActorHandle,
    [property: Id(2)] string Action,
    [property: Id(3)] string? TargetUserId,
    [property: Id(4)] string? Target,
    [property: Id(5)] string? StreamId,
    [property: Id(6)] string? CreatorId,
    [property: Id(7)] string? Reason,
    [property: Id(8)] DateTimeOffset At);

/// <summary>A stored entry: its id orders the log (larger is newer).</summary>
[GenerateSerializer, Immutable, Alias("lsx.AuditRecord")]
public sealed record AuditRecord([property: Id(0)] long Id, [property: Id(1)] AuditEntry Entry);

/// <summary>A filter on the log; every filter is optional. <paramref name="Before"/>: only entries older than this id.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? Action = null,
    [property: Id(1)] string? ActorId = null,
    [property: Id(2)] string? TargetUserId = null,
    [property: Id(3)] string? StreamId = null,
    [property: Id(4)] long? Before = null,
    [property: Id(5)] int Limit = 50);

/// <summary>One page of the log, newest first; <paramref name="Next"/> is the <c>Before</c> of the next page, null at the end.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AuditPage")]
public sealed record AuditPage([property: Id(0)] IReadOnlyList<AuditRecord> Entries, [property: Id(1)] long? Next);
