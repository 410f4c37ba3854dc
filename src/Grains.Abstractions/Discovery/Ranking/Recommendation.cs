namespace LiveStreamX.Discovery.Ranking;

/// <summary>One ranked stream with why it is there, most telling reason first.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Recommendation")]
public sealed record Recommendation(
    [property: Id(0)] LiveCandidate Stream,
    [property: Id(1)] double Score,
    [property: Id(2)] RecommendationReason[] Reasons);

/// <summary>A reason shown to the viewer: <see cref="Text"/> reads as a sentence; <see cref="SubjectId"/> is the creator or category it names.</summary>
[GenerateSerializer, Immutable, Alias("lsx.RecommendationReason")]
public sealed record RecommendationReason(
    [property: Id(0)] RecommendationReasonKind Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] string? SubjectId);

/// <summary>Which candidate source put a stream forward.</summary>
public enum RecommendationReasonKind
{
    /// <summary>"Followed": the viewer follows the creator.</summary>
    Followed = 0,

    /// <summary>"You often watch X": repeat consumption.</summary>
    WatchedBefore = 1,

    /// <summary>"Because you watched X": viewers of X also watch this creator (collaborative filtering).</summary>
    CoWatched = 2,

    /// <summary>"Because you like Y": content similarity to the viewer's categories, tags and title terms.</summary>
    MatchesInterests = 3,

    /// <summary>"Popular in Y": trending by viewers and their velocity.</summary>
    Trending = 4,

    /// <summary>"Starting soon": scheduled within the eligibility window.</summary>
    StartingSoon = 5,
}

/// <summary>A creator that viewers of another creator also watch, with their similarity in [0, 1].</summary>
[GenerateSerializer, Immutable, Alias("lsx.CoWatchNeighbour")]
public readonly record struct CoWatchNeighbour([property: Id(0)] string CreatorId, [property: Id(1)] float Similarity);
