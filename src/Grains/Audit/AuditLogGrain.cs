using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Audit;

/// <summary>
/// One append-only audit log (the platform's, or a creator's). The newest entries live in the log's own state; each
/// full page of written entries moves to its own <see cref="IAuditPageGrain"/>, so a write stays one page long however
/// long the log grows. An entry naming a creator, appended to the platform's log, is also appended to the creator's.
/// </summary>
// Reentrant, for group commit: every moderation action of the platform lands here, so appends made while a write is
// in flight share the next write. An append takes its id and joins the tail in one turn, before any await, so ids
// never collide; one seal runs at a time; queries read only what is written.
[Reentrant]
public sealed partial class AuditLogGrain(
    [PersistentState("audit", StorageNames.Default)] IPersistentState<AuditLogState> state,
    IGrainContext grainContext,
    IOptions<AuditOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<AuditLogGrain> logger) : Grain, IAuditLogGrain
{
    private readonly AuditOptions _options = options.Value;
    private readonly StoredState<AuditLogState> _log = new(
        grainContext, state, "audit", logger, "The audit log could not be saved; try again.");

    private Task _sealing = Task.CompletedTask;

    private string Scope => this.GetPrimaryKeyString();

    public async Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        var clean = AuditRules.Clean(entry, time.GetUtcNow());
        var log = _log.State;
        var record = new AuditRecord(log.LastId + 1, clean);
        await _log.CommitAsync(log with { LastId = record.Id, Tail = [.. log.Tail, record] });

        if (_sealing.IsCompleted && _log.Written.Tail.Length >= _options.PageSize)
        {
            _sealing = SealFullPagesAsync();
        }

        // Stored here first: a creator's copy that fails leaves the platform's record, and the caller's retry may
        // record the action twice, never lose it.
        if (Scope == AuditScopes.Platform && clean.CreatorId is { } creator)
        {
            await GrainFactory.Get<IAuditLogGrain>(AuditScopes.Creator(creator)).AppendAsync(clean);
        }

        return record;
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, AuditRules.MaxLimit);
        var log = _log.Written;
        var below = Math.Min(query.Before ?? long.MaxValue, log.LastId + 1);
        var result = new List<AuditRecord>(limit);
        Collect(log.Tail, query, below, limit, result);

        // Every id at or above this one has been looked at.
        var lookedFrom = Math.Min(below, (long)log.SealedPages * _options.PageSize + 1);
        var pagesRead = 0;
        for (var page = log.SealedPages - 1; page >= 0 && result.Count < limit && pagesRead < _options.MaxPagesPerQuery; page--)
        {
            var first = (long)page * _options.PageSize + 1;
            if (first >= below)
            {
                continue;
            }

            Collect(await Page(page).ReadAsync(), query, below, limit, result);
            lookedFrom = first;
            pagesRead++;
        }

        var next = result.Count == limit ? result[^1].Id : lookedFrom;
        return new AuditPage(result, next > 1 ? next : null);
    }

    private static void Collect(AuditRecord[] oldestFirst, AuditQuery query, long below, int limit, List<AuditRecord> result)
    {
        for (var i = oldestFirst.Length - 1; i >= 0 && result.Count < limit; i--)
        {
            var record = oldestFirst[i];
            if (record.Id < below && Matches(record.Entry, query))
            {
                result.Add(record);
            }
        }
    }

    private static bool Matches(AuditEntry entry, AuditQuery query) =>
        (query.Action is null || entry.Action == query.Action)
        && (query.ActorId is null || entry.ActorId == query.ActorId)
        && (query.TargetUserId is null || entry.TargetUserId == query.TargetUserId)
        && (query.StreamId is null || entry.StreamId == query.StreamId);

    // Only written entries are sealed: an entry a failed write takes back (its id then goes to the next entry) never
    // reaches a page. A page is written before the tail lets go of it, so a crash in between writes it again.
    private async Task SealFullPagesAsync()
    {
        try
        {
            while (_log.Written is { } written && written.Tail.Length >= _options.PageSize)
            {
                var page = written.SealedPages;
                await Page(page).WriteAsync(written.Tail[.._options.PageSize]);
                var now = _log.State;
                if (now.SealedPages != page)
                {
                    return;
                }

                await _log.CommitAsync(now with { Tail = now.Tail[_options.PageSize..], SealedPages = page + 1 });
            }
        }
        catch (Exception ex)
        {
            // The tail keeps the entries (it only lets go of a written page): the next append seals again.
            LogSealFailed(logger, ex, Scope);
        }
    }

    private IAuditPageGrain Page(int page) => GrainFactory.Get<IAuditPageGrain>($"{Scope}/{page}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log {Scope}: sealing a page failed")]
    private static partial void LogSealFailed(ILogger logger, Exception ex, string scope);
}
