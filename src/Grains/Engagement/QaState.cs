using LiveStreamX.Engagement;

namespace LiveStreamX.Grains.Engagement;

/// <summary>What a stream's Q&amp;A persists.</summary>
[GenerateSerializer, Alias("lsx.QaState")]
public sealed record QaState
{
    [Id(0)] public Dictionary<string, Question> Questions { get; init; } = [];

    /// <summary>Who upvoted which question ("{questionId}/{userId}").</summary>
    [Id(1)] public HashSet<string> Upvotes { get; init; } = [];
}
