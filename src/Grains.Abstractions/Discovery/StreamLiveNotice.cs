using LiveStreamX.Progression;

namespace LiveStreamX.Discovery;

/// <summary><c>stream:live</c>: a creator the user follows went live (sent to each follower's connections).</summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamLiveNotice")]
public sealed record StreamLiveNotice : UserEvent
{
    public override string Type => "stream:live";

    [Id(0)] public required string StreamId { get; init; }

    [Id(1)] public required string CreatorId { get; init; }

    [Id(2)] public required string CreatorHandle { get; init; }

    [Id(3)] public required string Title { get; init; }

    [Id(4)] public required string Category { get; init; }
}
