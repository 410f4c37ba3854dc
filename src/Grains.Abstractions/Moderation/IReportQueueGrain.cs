using LiveStreamX.Users;

namespace LiveStreamX.Moderation;

/// <summary>
/// Users' reports of messages and users, as a queue to work. Key: <see cref="ReportScopes.Platform"/> holds every
/// report (the admins' queue); <see cref="ReportScopes.Creator"/> holds those about a creator's streams (the queue
/// of the creator and their moderators). Resolving a report in one scope resolves it in the other.
/// </summary>
[Alias("lsx.IReportQueueGrain")]
public interface IReportQueueGrain : IGrainWithStringKey
{
    /// <summary>Files a report (deduplicated by id).</summary>
    [Alias("File")]
    Task<Report> FileAsync(Report report);

    /// <summary>Reports, newest first: the open ones, or all.</summary>
    [Alias("List"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<Report>> ListAsync(bool openOnly, int limit);

    /// <summary>Marks a report resolved (the caller checked the actor's rights for this scope).</summary>
    [Alias("Resolve")]
    Task<Report> ResolveAsync(string reportId, Actor actor, string resolution);

    /// <summary>The other queue holding the report resolved it: it is marked resolved here too.</summary>
    [Alias("MarkResolved"), Orleans.Concurrency.OneWay]
    Task MarkResolvedAsync(Report resolved);
}

/// <summary>The keys of the report queues.</summary>
public static class ReportScopes
{
    public const string Platform = "platform";

    public static string Creator(string creatorId) => $"creator/{creatorId}";
}

/// <summary>
/// A user's report of a message (<paramref name="MessageId"/> in <paramref name="StreamId"/>) or of a user.
/// <paramref name="Resolution"/> and what follows it are set once a moderator or admin resolved it.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.Report")]
public sealed record Report(
    [property: Id(0)] string Id,
    [property: Id(1)] string ReporterId,
    [property: Id(2)] string ReporterHandle,
    [property: Id(3)] string? TargetUserId,
    [property: Id(4)] string? StreamId,
    [property: Id(5)] string? CreatorId,
    [property: Id(6)] string? MessageId,
    [property: Id(7)] string? MessageText,
    [property: Id(8)] string Reason,
    [property: Id(9)] DateTimeOffset At,
    [property: Id(10)] string? Resolution = null,
    [property: Id(11)] string? ResolvedBy = null,
    [property: Id(12)] DateTimeOffset? ResolvedAt = null);
