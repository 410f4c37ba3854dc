namespace LiveStreamX.Grains.Identity;

/// <summary>A user's refresh-token families, open and recently ended.</summary>
[GenerateSerializer, Alias("lsx.SessionsState")]
public sealed record SessionsState
{
    [Id(0)]
    public IReadOnlyList<SessionFamily> Families { get; init; } = [];
}

/// <summary>
/// One sign-in's chain of refresh tokens: the hash of the current one and of those rotated away (a replay of one of
/// those is theft). Kept after it ends until it would have expired, so a replay still meets a clear refusal.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.SessionFamily")]
public sealed record SessionFamily(
    [property: Id(0)] string Id,
    [property: Id(1)] string CurrentHash,
    [property: Id(2)] IReadOnlyList<string> UsedHashes,
    [property: Id(3)] string Method,
    [property: Id(4)] string? Client,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset LastUsedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] DateTimeOffset? EndedAt);
