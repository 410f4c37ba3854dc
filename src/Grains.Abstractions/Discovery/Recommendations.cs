using LiveStreamX.Discovery.Ranking;
using Orleans.Concurrency;

namespace LiveStreamX.Discovery;

/// <summary>A ranked list; <paramref name="ColdStart"/> when it knew nothing of the viewer (trending with category diversity).</summary>
[GenerateSerializer, Immutable, Alias("lsx.RecommendationList")]
public sealed record RecommendationList(
    [property: Id(0)] IReadOnlyList<Recommendation> Items,
    [property: Id(1)] bool ColdStart);

/// <summary>What a user's interest state holds, in short (for tests and the user's own view).</summary>
[GenerateSerializer, Immutable, Alias("lsx.InterestSummary")]
public sealed record InterestSummary(
    [property: Id(0)] IReadOnlyList<string> TopCreators,
    [property: Id(1)] IReadOnlyList<string> TopCategories,
    [property: Id(2)] long Signals);

/// <summary>The limits a recommendation request may ask for.</summary>
public static class RecommendationLimits
{
    public const int Default = 20;
    public const int Max = 50;
    public const int DefaultSimilar = 8;
}

/// <summary>
/// One user's interests, learned from their signals (persisted), and the ranking of the streams live now for them,
/// in one call on memory: the silo's copy of the live index and of the co-watch neighbours. Key: user id.
/// </summary>
[Alias("lsx.IInterestGrain")]
public interface IInterestGrain : IGrainWithStringKey
{
    /// <summary>Learns from a signal (already carrying its stream's creator, category and tags).</summary>
    [Alias("Record"), OneWay]
    Task RecordAsync(ViewerSignal signal);

    /// <summary>The live streams ranked for this user, at most <paramref name="limit"/> (1–50).</summary>
    [Alias("Recommend"), AlwaysInterleave]
    Task<RecommendationList> RecommendAsync(int limit);

    [Alias("Summary"), AlwaysInterleave]
    Task<InterestSummary> GetSummaryAsync();
}

/// <summary>Rankings that need no user: cold start for anonymous viewers, and streams similar to one. Key: 0.</summary>
[Alias("lsx.IRecommenderGrain")]
public interface IRecommenderGrain : IGrainWithIntegerKey
{
    /// <summary>Trending now, with category diversity.</summary>
    [Alias("ColdStart")]
    Task<RecommendationList> ColdStartAsync(int limit);

    /// <summary>Live streams like this one (co-watched creators, same category and tags); <c>not_found</c> for an unknown stream.</summary>
    [Alias("Similar")]
    Task<RecommendationList> SimilarAsync(string streamId, int limit);
}
