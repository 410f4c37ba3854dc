namespace LiveStreamX.Streams;

/// <summary>What everyone may know about a stream.</summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamInfo")]
public sealed record StreamInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Category,
    [property: Id(3)] string CreatorId,
    [property: Id(4)] string CreatorHandle,
    [property: Id(5)] StreamStatus Status,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? EndedAt,
    [property: Id(9)] DateTimeOffset? ArchivedAt,
    [property: Id(10)] int SlowModeSeconds,
    [property: Id(11)] int ViewerCount)
{
    /// <summary>Up to <see cref="StreamTags.Max"/> lower-case tags the creator gave (discovery matches on them).</summary>
    [Id(80)] public IReadOnlyList<string> Tags { get; init; } = [];
}
