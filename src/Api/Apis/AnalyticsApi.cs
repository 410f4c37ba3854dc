using System.Globalization;
using System.Text;
using LiveStreamX.Analytics;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>A stream's analytics for its creator (and admins): per-minute figures as JSON or CSV.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/streams/{id}").WithTags("Analytics").RequireAuthorization();
        analytics.MapGet("/analytics", GetAsync)
            .WithSummary("The stream's figures per minute between from and to (ISO 8601, both optional; at most 31 days): viewers, watch time, retention, chat density, reactions by mood, gifts and earnings.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        analytics.MapGet("/analytics.csv", GetCsvAsync)
            .WithSummary("The same figures as CSV, one row per minute.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<StreamAnalytics>> GetAsync(string id, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await ReadAsync(id, from, to, http, grains));

    private static async Task<FileContentHttpResult> GetCsvAsync(string id, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IGrainFactory grains)
    {
        var analytics = await ReadAsync(id, from, to, http, grains);
        return TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(analytics)), "text/csv; charset=utf-8", $"{id}-analytics.csv");
    }

    private static Task<StreamAnalytics> ReadAsync(string id, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw DomainException.Forbidden("Sign in to read analytics.");
        grains.StreamOf(id); // a malformed id is not_found before any grain is touched
        return grains.Get<IStreamAnalyticsGrain>(id).GetAsync(actor, new AnalyticsRange(from, to));
    }

    /// <summary>One row per minute; reactions one column per mood.</summary>
    public static string ToCsv(StreamAnalytics analytics)
    {
        var moods = analytics.Minutes.Count > 0 ? analytics.Minutes[0].Reactions.Keys.ToList() : [];
        var csv = new StringBuilder();
        csv.Append("minute,peak_viewers,average_viewers,watchers,chat_messages,chat_density");
        foreach (var mood in moods)
        {
            csv.Append(",reactions_").Append(mood);
        }

        csv.Append(",gifts,tokens,earnings,subscriptions,new_followers\n");
        foreach (var m in analytics.Minutes)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{m.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{m.PeakViewers},{m.AverageViewers},{m.Watchers},{m.ChatMessages},{m.ChatDensity}");
            foreach (var mood in moods)
            {
                csv.Append(',').Append(m.Reactions.GetValueOrDefault(mood).ToString(CultureInfo.InvariantCulture));
            }

            csv.Append(CultureInfo.InvariantCulture, $",{m.Gifts},{m.Tokens},{m.Earnings},{m.Subscriptions},{m.NewFollowers}\n");
        }

        return csv.ToString();
    }
}
