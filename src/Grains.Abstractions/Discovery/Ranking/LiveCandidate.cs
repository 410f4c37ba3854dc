namespace LiveStreamX.Discovery.Ranking;

/// <summary>
/// A stream the ranker may recommend: live now (<see cref="LiveSince"/>) or scheduled (<see cref="StartsAt"/>),
/// with the features the candidate sources read. <see cref="TitleTerms"/> come from <c>TitleTerms.Extract</c>, once
/// per title, not per request. <see cref="ViewerVelocity"/> is the change of <see cref="Viewers"/> per minute over the
/// last window, negative when falling.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.LiveCandidate")]
public sealed record LiveCandidate(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string CreatorHandle,
    [property: Id(3)] string Title,
    [property: Id(4)] string Category,
    [property: Id(5)] string[] Tags,
    [property: Id(6)] string[] TitleTerms,
    [property: Id(7)] int Viewers,
    [property: Id(8)] double ViewerVelocity,
    [property: Id(9)] DateTimeOffset? LiveSince,
    [property: Id(10)] DateTimeOffset? StartsAt);
