using LiveStreamX.Users;

namespace LiveStreamX.Streams;

/// <summary>A creator's request for a new stream.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CreateStream")]
public sealed record CreateStream(
    [property: Id(0)] Actor Creator,
    [property: Id(1)] string Title,
    [property: Id(2)] string Category)
{
    /// <summary>Optional tags, checked by <see cref="StreamTags.Normalize"/>.</summary>
    [Id(80)] public IReadOnlyList<string>? Tags { get; init; }
}
