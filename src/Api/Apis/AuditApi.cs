using LiveStreamX.Api.Identity;
using LiveStreamX.Audit;
using LiveStreamX.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>The platform's audit log, for admins.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin)
            .MapGet("/audit", QueryAsync)
            .WithSummary("The audit log, newest first, filtered; 'next' is the 'before' of the next page. With creatorId: that creator's log.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<AuditLogView>> QueryAsync(
        IGrainFactory grains, string? action, string? actorId, string? targetUserId, string? streamId, string? creatorId, long? before, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (action is not null && !AuditRules.IsAction(action))
        {
            errors["action"] = [AuditRules.ActionRule];
        }

        foreach (var (name, value) in new[] { ("actorId", actorId), ("targetUserId", targetUserId), ("streamId", streamId), ("creatorId", creatorId) })
        {
            if (value is not null && value.Length is 0 or > AuditRules.MaxIdLength)
            {
                errors[name] = [$"An id of 1–{AuditRules.MaxIdLength} characters."];
            }
        }

        if (before is < 1)
        {
            errors["before"] = ["An entry id (1 or more): the 'next' of the previous page."];
        }

        if (limit is < 1 or > AuditRules.MaxLimit)
        {
            errors["limit"] = [$"1–{AuditRules.MaxLimit} entries per page."];
        }

        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        var scope = creatorId is null ? AuditScopes.Platform : AuditScopes.Creator(creatorId);
        var page = await grains.Get<IAuditLogGrain>(scope).QueryAsync(new AuditQuery(action, actorId, targetUserId, streamId, before, limit ?? 50));
        return TypedResults.Ok(new AuditLogView([.. page.Entries.Select(AuditEntryView.From)], page.Next));
    }
}

/// <summary>One page of the audit log on the wire.</summary>
public sealed record AuditLogView(IReadOnlyList<AuditEntryView> Entries, long? Next);

/// <summary>One audit entry on the wire.</summary>
public sealed record AuditEntryView(
    long Id, string ActorId, string ActorHandle, string Action, string? TargetUserId, string? Target, string? StreamId,
    string? CreatorId, string? Reason, DateTimeOffset At)
{
    public static AuditEntryView From(AuditRecord record)
    {
        var e = record.Entry;
        return new(record.Id, e.ActorId, e.ActorHandle, e.Action, e.TargetUserId, e.Target, e.StreamId, e.CreatorId, e.Reason, e.At);
    }
}
