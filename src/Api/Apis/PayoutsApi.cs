using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Grains.Payments;
using LiveStreamX.Payments;
using LiveStreamX.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Apis;

/// <summary>Creator payouts, statements, and the admins' payout queue.</summary>
public static partial class PayoutsApi
{
    public static IEndpointRouteBuilder MapPayoutsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Payouts").RequireAuthorization();
        me.MapGet("/payouts", GetMineAsync).WithSummary("My earnings as payouts see them (withdrawable, held, in flight, paid out) and my payouts.");
        me.MapPost("/payouts", RequestAsync).RequireAuthorization(Policies.Creator)
            .WithSummary("Requests a payout of withdrawable earnings; the same idempotency key is the same payout.");
        me.MapGet("/statement", StatementAsync).Produces<Statement>(StatusCodes.Status200OK, "application/json", "text/csv")
            .WithSummary("My month (YYYY-MM): gifts received, the platform's share, purchases, payouts; format=csv for a file.");
        ModerationApi.Problems(me);

        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/payouts", ListAsync).WithSummary("The payout queue: open payouts oldest first, then decided ones newest first.");
        admin.MapPost("/payouts/{payoutId}/approve", ApproveAsync).WithSummary("Approves a payout: the Stripe Connect transfer is made.");
        admin.MapPost("/payouts/{payoutId}/reject", RejectAsync).WithSummary("Rejects a payout with a reason; its amount returns to the earnings.");
        admin.MapPut("/creators/{userId}/payout-account", SetAccountAsync).WithSummary("Verifies a creator for payouts and names their Stripe Connect account.");
        admin.MapPost("/wallets/{userId}/unfreeze", UnfreezeAsync).WithSummary("Closes every open dispute hold on a wallet (gifting thaws unless the balance is below zero).");
        ModerationApi.Problems(admin);
        return app;
    }

    private static async Task<Ok<PayoutsView>> GetMineAsync(HttpContext http, IGrainFactory grains, IOptions<PayoutOptions> options)
    {
        var actor = http.RequireActor();
        var settings = options.Value;
        var balance = await grains.Get<IEarningsGrain>(actor.UserId).GetPayoutBalanceAsync(settings.Hold);
        var account = await grains.Get<IPayoutAccountGrain>(actor.UserId).GetAsync();
        var payouts = await Task.WhenAll(account.Payouts.Take(50).Select(id => grains.Get<IPayoutGrain>(id).GetAsync()));
        return TypedResults.Ok(new PayoutsView(balance, account.Verified, account.StripeAccountId is not null, settings.MinimumTokens, settings.HoldDays,
            settings.CentsPerHundredTokens, settings.Currency, [.. payouts.OfType<PayoutView>()]));
    }

    private static async Task<Ok<PayoutView>> RequestAsync(PayoutRequestBody request, HttpContext http, IGrainFactory grains)
    {
        var creator = http.RequireActor();
        if (request.Amount is not { } amount || amount is <= 0 or > 1_000_000_000)
        {
            throw DomainException.InvalidInput("amount", "A payout is 1–1,000,000,000 tokens.");
        }

        if (!KeyPattern().IsMatch(request.IdempotencyKey ?? string.Empty))
        {
            throw DomainException.InvalidInput("idempotencyKey", "An idempotency key is 8–64 letters, digits, '_' or '-' (one per payout the user means).");
        }

        var id = PayoutId(creator.UserId, request.IdempotencyKey!);
        return TypedResults.Ok(await grains.Get<IPayoutGrain>(id).RequestAsync(new PayoutRequest(creator, amount, request.IdempotencyKey!)));
    }

    private static async Task<Ok<IReadOnlyList<PayoutView>>> ListAsync(IGrainFactory grains, string? status)
    {
        PayoutStatus? which = status switch
        {
            null => null,
            "requested" => PayoutStatus.Requested,
            "approved" => PayoutStatus.Approved,
            "paid" => PayoutStatus.Paid,
            "rejected" => PayoutStatus.Rejected,
            "failed" => PayoutStatus.Failed,
            _ => throw DomainException.InvalidInput("status", "requested, approved, paid, rejected or failed."),
        };
        return TypedResults.Ok(await grains.Get<IPayoutQueueGrain>(0).ListAsync(which));
    }

    private static async Task<Ok<PayoutView>> ApproveAsync(string payoutId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Payout(grains, payoutId).ApproveAsync(http.RequireActor()));

    private static async Task<Ok<PayoutView>> RejectAsync(string payoutId, RejectRequest request, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Payout(grains, payoutId).RejectAsync(http.RequireActor(), request.Reason ?? string.Empty));

    private static async Task<Ok<PayoutAccount>> SetAccountAsync(string userId, PayoutAccountRequest request, HttpContext http, IGrainFactory grains)
    {
        var user = await grains.GetGrain<Users.IUserGrain>(ModerationApi.RequireUserId(userId)).GetProfileAsync()
            ?? throw DomainException.NotFound($"There is no user '{userId}'.");
        return TypedResults.Ok(await grains.Get<IPayoutAccountGrain>(user.Id).SetAsync(http.RequireActor(), request.Verified ?? false, request.StripeAccountId));
    }

    private static async Task<Ok<WalletStanding>> UnfreezeAsync(string userId, HttpContext http, IGrainFactory grains)
    {
        var user = await grains.GetGrain<Users.IUserGrain>(ModerationApi.RequireUserId(userId)).GetProfileAsync()
            ?? throw DomainException.NotFound($"There is no user '{userId}'.");
        var standing = await grains.Get<IWalletGrain>(user.Id).CloseDisputeAsync(null);
        var admin = http.RequireActor();
        await grains.GetGrain<Audit.IAuditLogGrain>(Audit.AuditScopes.Platform).AppendAsync(new Audit.AuditEntry(
            admin.UserId, admin.Handle, "wallet-unfreeze", user.Id, "dispute holds", $"closed by an admin; balance {standing.Balance}", null, null, default));
        return TypedResults.Ok(standing);
    }

    private static async Task<IResult> StatementAsync(HttpContext http, IGrainFactory grains, string? month, string? format, TimeProvider time)
    {
        var actor = http.RequireActor();
        var start = ParseMonth(month, time);
        if (format is not (null or "json" or "csv"))
        {
            throw DomainException.InvalidInput("format", "json or csv.");
        }

        var statement = await Statements.BuildAsync(grains, actor.UserId, start);
        return format == "csv"
            ? TypedResults.File(Encoding.UTF8.GetBytes(Statements.Csv(statement)), "text/csv", $"statement-{statement.Month}.csv")
            : TypedResults.Ok(statement);
    }

    private static DateTimeOffset ParseMonth(string? month, TimeProvider time)
    {
        if (month is null)
        {
            var now = time.GetUtcNow();
            return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        }

        return DateTimeOffset.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
               && start.Year is >= 2000 and <= 9998
            ? start
            : throw DomainException.InvalidInput("month", "A month as YYYY-MM, such as 2026-12.");
    }

    private static IPayoutGrain Payout(IGrainFactory grains, string payoutId) =>
        PayoutIdPattern().IsMatch(payoutId) ? grains.Get<IPayoutGrain>(payoutId) : throw DomainException.NotFound($"There is no payout '{payoutId}'.");

    /// <summary>A payout's id: the creator's request key, hashed with the creator, so a double click is one payout.</summary>
    internal static string PayoutId(string creatorId, string key) =>
        "po_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{creatorId}/{key}")))[..24];

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^po_[0-9a-f]{24}$")]
    private static partial Regex PayoutIdPattern();
}

/// <summary>A creator's payouts page.</summary>
public sealed record PayoutsView(
    PayoutBalance Balance, bool Verified, bool Connected, long MinimumTokens, int HoldDays, long CentsPerHundredTokens, string Currency,
    IReadOnlyList<PayoutView> Payouts);

/// <summary>The body of <c>POST /api/me/payouts</c>.</summary>
public sealed record PayoutRequestBody(long? Amount, string? IdempotencyKey);

/// <summary>The body of <c>POST /api/admin/payouts/{payoutId}/reject</c>.</summary>
public sealed record RejectRequest(string? Reason);

/// <summary>The body of <c>PUT /api/admin/creators/{userId}/payout-account</c>.</summary>
public sealed record PayoutAccountRequest(bool? Verified, string? StripeAccountId);
