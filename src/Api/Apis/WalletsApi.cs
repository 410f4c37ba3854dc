using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>My wallet; admins' grants, ledger verification and abuse signals.</summary>
public static class WalletsApi
{
    public static IEndpointRouteBuilder MapWalletsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/wallet", GetMineAsync).WithTags("Wallets").RequireAuthorization()
            .WithSummary("Balance, earnings and one ledger (spendable or earnings), newest first.");

        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/wallets/{userId}/grant", GrantAsync);
        admin.MapGet("/ledger/verify", VerifyAsync).WithSummary("Re-adds every ledger; ok when nothing is lost or doubled.");
        admin.MapGet("/abuse-signals", AbuseAsync);
        return app;
    }

    private static async Task<Ok<WalletView>> GetMineAsync(HttpContext http, IGrainFactory grains, string? ledger, int? limit, long? before)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        var which = ledger ?? "spendable";
        if (which is not ("spendable" or "earnings"))
        {
            throw DomainException.InvalidInput("ledger", "The ledger is 'spendable' or 'earnings'.");
        }

        if (limit is < 1 or > 100 || before is < 1)
        {
            throw DomainException.InvalidInput(limit is < 1 or > 100 ? "limit" : "before", "limit is 1–100 and before is a positive entry number.");
        }

        var wallet = grains.Get<IWalletGrain>(actor.UserId);
        var earnings = grains.Get<IEarningsGrain>(actor.UserId);
        var page = which == "spendable"
            ? await wallet.GetLedgerAsync(limit ?? 50, before)
            : await earnings.GetLedgerAsync(limit ?? 50, before);
        return TypedResults.Ok(new WalletView(await wallet.GetBalanceAsync(), await earnings.GetEarningsAsync(), which, page.Entries, page.NextBefore));
    }

    private static async Task<Ok<WalletView>> GrantAsync(string userId, GrantRequest request, IGrainFactory grains)
    {
        var user = await grains.GetGrain<Users.IUserGrain>(userId).GetProfileAsync() ?? throw DomainException.NotFound($"There is no user '{userId}'.");
        var wallet = grains.Get<IWalletGrain>(user.Id);
        var balance = await wallet.GrantAsync(request.Amount ?? 0, LedgerKind.Grant, request.Reason ?? "admin grant", request.IdempotencyKey ?? string.Empty);
        var page = await wallet.GetLedgerAsync(20, null);
        return TypedResults.Ok(new WalletView(balance, await grains.Get<IEarningsGrain>(user.Id).GetEarningsAsync(), "spendable", page.Entries, page.NextBefore));
    }

    private static async Task<Ok<LedgerVerification>> VerifyAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ILedgerAuditGrain>(0).VerifyAsync());

    private static async Task<Ok<IReadOnlyList<AbuseSignal>>> AbuseAsync(IGrainFactory grains, int? limit) =>
        TypedResults.Ok(await grains.Get<IAbuseLogGrain>(0).RecentAsync(limit ?? 100));
}

/// <summary>A wallet on the wire.</summary>
public sealed record WalletView(long Balance, long Earnings, string Ledger, IReadOnlyList<LedgerEntry> Entries, long? NextBefore);

/// <summary>The body of <c>POST /api/admin/wallets/{userId}/grant</c>.</summary>
public sealed record GrantRequest(long? Amount, string? Reason, string? IdempotencyKey);
