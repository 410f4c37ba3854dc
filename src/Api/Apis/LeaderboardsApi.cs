using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Leaderboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Leaderboards (all time and by season) and the seasons.</summary>
public static class LeaderboardsApi
{
    public static IEndpointRouteBuilder MapLeaderboardsApi(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/leaderboards").WithTags("Leaderboards");
        boards.MapGet("/{category}", TopAsync).WithSummary("The top N of a board: scope is all, season (the current one) or season-{n}.");
        boards.MapGet("/{category}/me", MineAsync).RequireAuthorization().WithSummary("My rank on a board, with my neighbours.");
        var seasons = app.MapGroup("/api/seasons").WithTags("Leaderboards");
        seasons.MapGet("/current", async (IGrainFactory grains) => TypedResults.Ok(await grains.Get<ISeasonGrain>(0).CurrentAsync()));
        seasons.MapGet("/{number:int}", ArchivedAsync).WithSummary("A finished season's final standings.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BoardEntry>>> TopAsync(string category, string? scope, int? top, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ILeaderboardGrain>(await BoardAsync(category, scope, grains)).TopAsync(Check(top ?? 10, 1, 100, "top")));

    private static async Task<Results<Ok<BoardRank>, NotFound>> MineAsync(string category, string? scope, int? neighbours, HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        var rank = await grains.Get<ILeaderboardGrain>(await BoardAsync(category, scope, grains)).RankAsync(actor.UserId, Check(neighbours ?? 2, 0, 10, "neighbours"));
        return rank is null ? TypedResults.NotFound() : TypedResults.Ok(rank);
    }

    private static async Task<Results<Ok<SeasonStandings>, NotFound>> ArchivedAsync(int number, IGrainFactory grains)
    {
        var standings = await grains.Get<ISeasonGrain>(0).ArchivedAsync(number);
        return standings is null ? TypedResults.NotFound() : TypedResults.Ok(standings);
    }

    private static async Task<string> BoardAsync(string category, string? scope, IGrainFactory grains)
    {
        if (!BoardCategories.All.Contains(category))
        {
            throw DomainException.NotFound($"There is no board '{category}'.");
        }

        scope ??= "all";
        if (scope == "season")
        {
            scope = $"season-{(await grains.Get<ISeasonGrain>(0).CurrentAsync()).Number}";
        }
        else if (scope != "all" && !(scope.StartsWith("season-", StringComparison.Ordinal) && int.TryParse(scope["season-".Length..], out var n) && n > 0))
        {
            throw DomainException.InvalidInput("scope", "The scope is all, season or season-{n}.");
        }

        return BoardCategories.Board(category, scope);
    }

    private static int Check(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw DomainException.InvalidInput(field, $"{field} is {min}–{max}.");
}
