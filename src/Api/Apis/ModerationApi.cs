using LiveStreamX.Api.Identity;
using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Moderation;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>
/// A creator's moderation (moderators, bans, timeouts, blocked terms, held messages, the log), deleting chat
/// messages, and the platform's side: suspensions and the platform's blocked terms (admins).
/// </summary>
public static class ModerationApi
{
    public const int MaxLogPage = 100;

    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        var creator = app.MapGroup("/api/creators/{creatorId}").WithTags("Moderation").RequireAuthorization();
        creator.MapGet("/moderation/me", MayModerateAsync).WithSummary("Whether I may moderate the creator's streams (for showing moderator tools).");
        creator.MapGet("/moderation", GetAsync).WithSummary("The creator's moderators, bans, timeouts and blocked terms (creator, moderators, admins).");
        creator.MapPut("/moderators/{userId}", AddModeratorAsync).WithSummary("Appoints a moderator of all of the creator's streams (creator, admins).");
        creator.MapDelete("/moderators/{userId}", RemoveModeratorAsync).WithSummary("Removes a moderator (creator, admins).");
        creator.MapPut("/bans/{userId}", BanAsync).WithSummary("Bans a user from the chat of every stream of the creator.");
        creator.MapDelete("/bans/{userId}", UnbanAsync).WithSummary("Lifts a ban.");
        creator.MapPut("/timeouts/{userId}", TimeoutAsync).WithSummary("Times a user out of the creator's chats (1 s to 14 days).");
        creator.MapDelete("/timeouts/{userId}", LiftTimeoutAsync).WithSummary("Ends a timeout early.");
        creator.MapPut("/blocked-terms", SetTermsAsync).WithSummary("Replaces the creator's blocked terms (creator, admins).");
        creator.MapGet("/held", GetHeldAsync).WithSummary("Chat messages held for review, oldest first.");
        creator.MapPost("/held/{heldId}/approve", (string creatorId, string heldId, HttpContext http, IGrainFactory grains) => ReviewAsync(creatorId, heldId, true, http, grains))
            .WithSummary("Posts a held message to its stream.");
        creator.MapPost("/held/{heldId}/reject", (string creatorId, string heldId, HttpContext http, IGrainFactory grains) => ReviewAsync(creatorId, heldId, false, http, grains))
            .WithSummary("Discards a held message.");
        creator.MapGet("/moderation/log", LogAsync).WithSummary("The moderation log of the creator's streams, newest first (creator, moderators, admins).");
        Problems(creator);

        var chat = app.MapGroup("/api/streams/{id}/chat").WithTags("Moderation").RequireAuthorization();
        chat.MapDelete("/{messageId}", DeleteMessageAsync).WithSummary("Deletes a chat message (the stream's creator, their moderators, admins).");
        Problems(chat);

        var admin = app.MapGroup("/api/admin").WithTags("Moderation").RequireAuthorization(Policies.Admin);
        admin.MapPut("/users/{userId}/suspension", SuspendAsync).WithSummary("Suspends an account everywhere: it can no longer chat or connect.");
        admin.MapDelete("/users/{userId}/suspension", UnsuspendAsync).WithSummary("Lifts a suspension.");
        admin.MapGet("/blocked-terms", GetPlatformTermsAsync).WithSummary("The platform's blocked terms, applied in every stream.");
        admin.MapPut("/blocked-terms", SetPlatformTermsAsync).WithSummary("Replaces the platform's blocked terms.");
        Problems(admin);
        return app;
    }

    /// <summary>Every refusal these endpoints answer, in the OpenAPI document.</summary>
    internal static void Problems(RouteGroupBuilder group) => group
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Ok<ModeratorStatus>> MayModerateAsync(string creatorId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(new ModeratorStatus(await Rules(grains, creatorId).MayModerateAsync(http.RequireActor())));

    private static async Task<Ok<ModerationView>> GetAsync(string creatorId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Rules(grains, creatorId).GetAsync(http.RequireActor()));

    private static async Task<Ok<ModerationView>> AddModeratorAsync(string creatorId, string userId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Rules(grains, creatorId).AddModeratorAsync(http.RequireActor(), userId));

    private static async Task<Ok<ModerationView>> RemoveModeratorAsync(string creatorId, string userId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Rules(grains, creatorId).RemoveModeratorAsync(http.RequireActor(), userId));

    private static async Task<Ok<Restriction>> BanAsync(string creatorId, string userId, BanRequest request, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Rules(grains, creatorId).BanAsync(http.RequireActor(), userId, request.Reason));

    private static async Task<NoContent> UnbanAsync(string creatorId, string userId, HttpContext http, IGrainFactory grains)
    {
        await Rules(grains, creatorId).UnbanAsync(http.RequireActor(), userId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Restriction>> TimeoutAsync(string creatorId, string userId, TimeoutRequest request, HttpContext http, IGrainFactory grains)
    {
        var seconds = request.Seconds ?? throw DomainException.InvalidInput("seconds", "Send { seconds, reason? }.");
        return TypedResults.Ok(await Rules(grains, creatorId).TimeoutAsync(http.RequireActor(), userId, seconds, request.Reason));
    }

    private static async Task<NoContent> LiftTimeoutAsync(string creatorId, string userId, HttpContext http, IGrainFactory grains)
    {
        await Rules(grains, creatorId).LiftTimeoutAsync(http.RequireActor(), userId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ModerationView>> SetTermsAsync(string creatorId, BlockedTermsRequest request, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Rules(grains, creatorId).SetBlockedTermsAsync(http.RequireActor(), request.ToTerms()));

    private static async Task<Ok<IReadOnlyList<HeldMessage>>> GetHeldAsync(string creatorId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Rules(grains, creatorId).GetHeldAsync(http.RequireActor()));

    private static async Task<NoContent> ReviewAsync(string creatorId, string heldId, bool approve, HttpContext http, IGrainFactory grains)
    {
        await Rules(grains, creatorId).ReviewHeldAsync(http.RequireActor(), heldId, approve);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AuditPage>> LogAsync(string creatorId, long? before, int? limit, string? action, HttpContext http, IGrainFactory grains)
    {
        await grains.RequireModeratorAsync(creatorId, http.RequireActor());
        if (limit is < 1 or > MaxLogPage)
        {
            throw DomainException.InvalidInput("limit", $"A page is 1–{MaxLogPage} entries.");
        }

        if (before is < 1)
        {
            throw DomainException.InvalidInput("before", "before is the id of an entry, 1 or more.");
        }

        if (action is not null && (action.Length is 0 or > 40 || !action.All(c => char.IsAsciiLetterLower(c) || c == '-')))
        {
            throw DomainException.InvalidInput("action", "An action is a kebab-case word such as user-ban.");
        }

        var page = await grains.Get<IAuditLogGrain>(AuditScopes.Creator(creatorId))
            .QueryAsync(new AuditQuery(Action: action, Before: before, Limit: limit ?? 50));
        return TypedResults.Ok(page);
    }

    private static async Task<NoContent> DeleteMessageAsync(string id, string messageId, string? reason, HttpContext http, IGrainFactory grains)
    {
        var actor = http.RequireActor();
        var info = await grains.StreamOf(id).GetAsync() ?? throw DomainException.NotFound($"There is no stream '{id}'.");
        await grains.Get<IModerationGrain>(info.CreatorId).DeleteMessageAsync(actor, id, messageId, reason);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Restriction>> SuspendAsync(string userId, SuspendRequest request, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<IUserGrain>(RequireUserId(userId)).SuspendAsync(http.RequireActor(), request.Reason));

    private static async Task<NoContent> UnsuspendAsync(string userId, HttpContext http, IGrainFactory grains)
    {
        await grains.Get<IUserGrain>(RequireUserId(userId)).UnsuspendAsync(http.RequireActor());
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PlatformTerms>> GetPlatformTermsAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<IPlatformModerationGrain>(0).GetTermsAsync());

    private static async Task<Ok<PlatformTerms>> SetPlatformTermsAsync(BlockedTermsRequest request, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<IPlatformModerationGrain>(0).SetTermsAsync(http.RequireActor(), request.ToTerms()));

    private static IModerationGrain Rules(IGrainFactory grains, string creatorId) =>
        grains.Get<IModerationGrain>(RequireUserId(creatorId));

    /// <summary>Refuses an actor who may not moderate the creator's streams.</summary>
    internal static async Task RequireModeratorAsync(this IGrainFactory grains, string creatorId, Actor actor)
    {
        if (!await Rules(grains, creatorId).MayModerateAsync(actor))
        {
            throw DomainException.Forbidden("Only the creator, their moderators or an admin may see this.");
        }
    }

    internal static string RequireUserId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? id
            : throw DomainException.NotFound($"There is no user '{id}'.");

    internal static Actor RequireActor(this HttpContext http) =>
        http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
}

/// <summary>The answer of <c>GET /api/creators/{creatorId}/moderation/me</c>.</summary>
public sealed record ModeratorStatus(bool MayModerate);

/// <summary>The body of <c>PUT /api/creators/{creatorId}/bans/{userId}</c>.</summary>
public sealed record BanRequest(string? Reason);

/// <summary>The body of <c>PUT /api/creators/{creatorId}/timeouts/{userId}</c>.</summary>
public sealed record TimeoutRequest(int? Seconds, string? Reason);

/// <summary>The body of <c>PUT /api/admin/users/{userId}/suspension</c>.</summary>
public sealed record SuspendRequest(string? Reason);

/// <summary>The body of <c>PUT …/blocked-terms</c>: the whole list.</summary>
public sealed record BlockedTermsRequest(IReadOnlyList<BlockedTermInput?>? Terms)
{
    public IReadOnlyList<BlockedTerm> ToTerms()
    {
        var terms = Terms ?? throw DomainException.InvalidInput("terms", "Send { terms: [{ term, action }] }.");
        return [.. terms.Select((t, i) => new BlockedTerm(
            t?.Term ?? throw DomainException.InvalidInput($"terms[{i}].term", "Each entry is { term, action }."),
            t.Action ?? throw DomainException.InvalidInput($"terms[{i}].action", "The action is drop or hold.")))];
    }
}

/// <summary>A blocked term and what it does: <c>drop</c> the message or <c>hold</c> it for review.</summary>
public sealed record BlockedTermInput(string? Term, TermAction? Action);
