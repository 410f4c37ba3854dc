namespace LiveStreamX.Discovery.Ranking;

/// <summary>
/// What the ranker knows about one viewer: the creators they watch (time-decayed, with the last watch), their
/// category, tag and title-term affinities, the creators they follow and a learned embedding. Kept by the viewer's
/// interest grain and changed in place only through <c>InterestModel.Apply</c>.
/// </summary>
[GenerateSerializer, Alias("lsx.InterestState")]
public sealed record InterestState
{
    /// <summary>Per creator id.</summary>
    [Id(0)] public Dictionary<string, CreatorAffinity> Creators { get; init; } = [];

    /// <summary>Per category name.</summary>
    [Id(1)] public Dictionary<string, DecayedCount> Categories { get; init; } = [];

    /// <summary>Per tag, lower case.</summary>
    [Id(2)] public Dictionary<string, DecayedCount> Tags { get; init; } = [];

    /// <summary>Per title term, lower case.</summary>
    [Id(3)] public Dictionary<string, DecayedCount> TitleTerms { get; init; } = [];

    /// <summary>Creator ids the viewer follows.</summary>
    [Id(4)] public HashSet<string> Followed { get; init; } = [];

    /// <summary>
    /// The viewer's position in a creator embedding space, moved towards each creator they start watching (an
    /// exponential moving mean), for a grain that keeps one model; empty until a model embedded a creator they
    /// watched. The ranker itself folds the viewer in from <see cref="Creators"/> at ranking time instead, so a
    /// retrained model (a new space) never meets a vector learned in the old one.
    /// </summary>
    [Id(5)] public float[] Embedding { get; set; } = [];

    /// <summary>Signals applied so far; cold start lasts while this is small.</summary>
    [Id(6)] public long SignalCount { get; set; }

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How much a viewer watches one creator.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CreatorAffinity")]
public sealed record CreatorAffinity(
    [property: Id(0)] string Handle,
    [property: Id(1)] DecayedCount Score,
    [property: Id(2)] int Sessions,
    [property: Id(3)] DateTimeOffset LastWatch,
    [property: Id(4)] double Minutes);
