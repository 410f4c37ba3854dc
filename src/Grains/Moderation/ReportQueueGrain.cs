using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Moderation;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Moderation;

/// <summary>
/// One queue of reports (the platform's, or one creator's). Open reports stay until resolved; of the resolved ones
/// the last <see cref="ResolvedKept"/> are kept for the queue's history (the audit log keeps every resolution).
/// </summary>
// Non-reentrant: a report is filed or resolved one call at a time.
public sealed class ReportQueueGrain(
    [PersistentState("reports", StorageNames.Default)] IPersistentState<ReportQueueState> reports,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<ReportQueueGrain> logger) : Grain, IReportQueueGrain
{
    public const int MaxOpen = 5_000;
    private const int ResolvedKept = 500;

    private readonly StoredState<ReportQueueState> _state = new(grainContext, reports, "reports", logger, "The report could not be saved; try again.");

    private Report[] Reports => _state.State.Reports;

    public async Task<Report> FileAsync(Report report)
    {
        if (Reports.FirstOrDefault(r => r.Id == report.Id) is { } known)
        {
            return known;
        }

        if (Reports.Count(r => r.Resolution is null) >= MaxOpen)
        {
            throw new DomainException(ErrorCodes.RateLimited, "The report queue is full; try again later.");
        }

        await _state.CommitAsync(new ReportQueueState { Reports = Trim([.. Reports, report]) });
        return report;
    }

    public Task<IReadOnlyList<Report>> ListAsync(bool openOnly, int limit) =>
        Task.FromResult<IReadOnlyList<Report>>([.. Reports.Reverse().Where(r => !openOnly || r.Resolution is null).Take(Math.Clamp(limit, 1, 500))]);

    public async Task<Report> ResolveAsync(string reportId, Actor actor, string resolution)
    {
        var report = Reports.FirstOrDefault(r => r.Id == reportId) ?? throw DomainException.NotFound($"There is no report '{reportId}' here.");
        if (report.Resolution is not null)
        {
            throw new DomainException(ErrorCodes.Conflict, "The report is resolved already.");
        }

        var resolved = report with { Resolution = resolution, ResolvedBy = actor.UserId, ResolvedAt = time.GetUtcNow() };
        await _state.CommitAsync(new ReportQueueState { Reports = Trim([.. Reports.Select(r => r.Id == reportId ? resolved : r)]) });

        // The other queue that holds it marks it too, one way: it never calls back, so the two never wait on each other.
        var other = this.GetPrimaryKeyString() == ReportScopes.Platform
            ? report.CreatorId is { } creator ? ReportScopes.Creator(creator) : null
            : ReportScopes.Platform;
        if (other is not null)
        {
            GrainFactory.Get<IReportQueueGrain>(other).MarkResolvedAsync(resolved).Ignore();
        }

        return resolved;
    }

    public async Task MarkResolvedAsync(Report resolved)
    {
        if (Reports.Any(r => r.Id == resolved.Id && r.Resolution is null))
        {
            await _state.CommitAsync(new ReportQueueState { Reports = Trim([.. Reports.Select(r => r.Id == resolved.Id ? resolved : r)]) });
        }
    }

    private static Report[] Trim(Report[] all)
    {
        var resolved = all.Count(r => r.Resolution is not null);
        if (resolved <= ResolvedKept)
        {
            return all;
        }

        var drop = resolved - ResolvedKept;
        return [.. all.Where(r => r.Resolution is null || drop-- <= 0)];
    }
}
