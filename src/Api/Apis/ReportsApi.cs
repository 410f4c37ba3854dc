using LiveStreamX.Api.Identity;
using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Moderation;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Users report messages and users; admins (all reports) and a creator's moderators (their streams') work the queue.</summary>
public static class ReportsApi
{
    public const int MaxReasonLength = 500;
    public const int MaxPage = 200;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api").WithTags("Reports").RequireAuthorization();
        reports.MapPost("/reports", FileAsync).WithSummary("Reports a chat message (streamId + messageId) or a user (userId).");
        reports.MapGet("/creators/{creatorId}/reports", (string creatorId, bool? open, int? limit, HttpContext http, IGrainFactory grains) =>
            CreatorQueueAsync(creatorId, open, limit, http, grains)).WithSummary("Reports about the creator's streams, newest first (creator, moderators, admins).");
        reports.MapPost("/creators/{creatorId}/reports/{reportId}/resolve", ResolveForCreatorAsync).WithSummary("Resolves a report about the creator's streams.");
        reports.MapGet("/admin/reports", (bool? open, int? limit, IGrainFactory grains) => ListAsync(ReportScopes.Platform, open, limit, grains))
            .RequireAuthorization(Policies.Admin).WithSummary("Every report, newest first.");
        reports.MapPost("/admin/reports/{reportId}/resolve", ResolveForAdminAsync).RequireAuthorization(Policies.Admin).WithSummary("Resolves any report.");
        ModerationApi.Problems(reports);
        return app;
    }

    private static async Task<Created<Report>> FileAsync(ReportRequest request, HttpContext http, IGrainFactory grains)
    {
        var reporter = http.RequireActor();
        var reason = InputText.Require(request.Reason, "reason", MaxReasonLength, $"A reason is 1–{MaxReasonLength} characters with something visible.");
        string? targetUserId;
        string? creatorId = null;
        string? messageText = null;
        if (request.StreamId is not null || request.MessageId is not null)
        {
            if (request.StreamId is null || request.MessageId is not { Length: > 0 and <= 64 } || request.UserId is not null)
            {
                throw DomainException.InvalidInput("messageId", "Report a message with { streamId, messageId, reason } or a user with { userId, reason }.");
            }

            var stream = grains.StreamOf(request.StreamId);
            var info = await stream.GetAsync() ?? throw DomainException.NotFound($"There is no stream '{request.StreamId}'.");
            var message = await stream.FindChatAsync(request.MessageId) ?? throw DomainException.NotFound($"There is no message '{request.MessageId}' in this stream's chat.");
            targetUserId = message.UserId;
            creatorId = info.CreatorId;
            messageText = message.Text;
        }
        else
        {
            var userId = request.UserId ?? throw DomainException.InvalidInput("userId", "Report a message with { streamId, messageId, reason } or a user with { userId, reason }.");
            targetUserId = (await grains.Get<IUserGrain>(ModerationApi.RequireUserId(userId)).GetProfileAsync())?.Id
                ?? throw DomainException.NotFound($"There is no user '{userId}'.");
        }

        if (targetUserId == reporter.UserId)
        {
            throw DomainException.InvalidInput("userId", "You cannot report yourself.");
        }

        var report = new Report("r_" + Guid.NewGuid().ToString("N")[..16], reporter.UserId, reporter.Handle, targetUserId,
            request.StreamId, creatorId, request.MessageId, messageText, reason, DateTimeOffset.UtcNow);
        await grains.Get<IReportQueueGrain>(ReportScopes.Platform).FileAsync(report);
        if (creatorId is not null)
        {
            await grains.Get<IReportQueueGrain>(ReportScopes.Creator(creatorId)).FileAsync(report);
        }

        return TypedResults.Created($"/api/admin/reports/{report.Id}", report);
    }

    private static async Task<Ok<IReadOnlyList<Report>>> CreatorQueueAsync(string creatorId, bool? open, int? limit, HttpContext http, IGrainFactory grains)
    {
        await grains.RequireModeratorAsync(ModerationApi.RequireUserId(creatorId), http.RequireActor());
        return await ListAsync(ReportScopes.Creator(creatorId), open, limit, grains);
    }

    private static async Task<Ok<IReadOnlyList<Report>>> ListAsync(string scope, bool? open, int? limit, IGrainFactory grains)
    {
        if (limit is < 1 or > MaxPage)
        {
            throw DomainException.InvalidInput("limit", $"A page is 1–{MaxPage} reports.");
        }

        return TypedResults.Ok(await grains.Get<IReportQueueGrain>(scope).ListAsync(open ?? true, limit ?? 50));
    }

    private static async Task<Ok<Report>> ResolveForCreatorAsync(string creatorId, string reportId, ResolveRequest request, HttpContext http, IGrainFactory grains)
    {
        var actor = http.RequireActor();
        await grains.RequireModeratorAsync(ModerationApi.RequireUserId(creatorId), actor);
        return TypedResults.Ok(await ResolveAsync(ReportScopes.Creator(creatorId), reportId, request, actor, grains, creatorId));
    }

    private static async Task<Ok<Report>> ResolveForAdminAsync(string reportId, ResolveRequest request, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await ResolveAsync(ReportScopes.Platform, reportId, request, http.RequireActor(), grains, creatorId: null));

    private static async Task<Report> ResolveAsync(string scope, string reportId, ResolveRequest request, Actor actor, IGrainFactory grains, string? creatorId)
    {
        var resolution = InputText.Require(request.Resolution, "resolution", MaxReasonLength, $"A resolution is 1–{MaxReasonLength} characters with something visible.");
        var resolved = await grains.Get<IReportQueueGrain>(scope).ResolveAsync(reportId, actor, resolution);
        await grains.Get<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(new AuditEntry(
            actor.UserId, actor.Handle, ModerationActions.ReportResolve, resolved.TargetUserId, resolved.Id, resolved.StreamId, resolved.CreatorId ?? creatorId, resolution, DateTimeOffset.UtcNow));
        return resolved;
    }
}

/// <summary>The body of <c>POST /api/reports</c>: a message (<c>streamId</c> + <c>messageId</c>) or a user (<c>userId</c>), and why.</summary>
public sealed record ReportRequest(string? StreamId, string? MessageId, string? UserId, string? Reason);

/// <summary>The body of a report's <c>resolve</c>: what was done.</summary>
public sealed record ResolveRequest(string? Resolution);
