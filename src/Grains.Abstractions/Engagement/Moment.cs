using LiveStreamX.Streams;

namespace LiveStreamX.Engagement;

public enum MomentKind
{
    Reactions = 0,
    Gifts = 1,
    Manual = 2,
}

/// <summary>A highlight of a stream, with a share page at <see cref="SharePath"/>.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Moment")]
public sealed record Moment(
    [property: Id(0)] string MomentId,
    [property: Id(1)] string StreamId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] MomentKind Kind,
    [property: Id(4)] double Intensity,
    [property: Id(5)] string? Note,
    [property: Id(6)] long StreamSeq)
{
    public string SharePath => $"/m/{MomentId}";

    /// <summary>The stream a moment id belongs to: ids are "{streamId}.{n}".</summary>
    public static string? StreamOf(string momentId)
    {
        var dot = momentId.LastIndexOf('.');
        return dot > 0 ? momentId[..dot] : null;
    }
}

/// <summary>A highlight moment was detected or marked.</summary>
[GenerateSerializer, Immutable, Alias("lsx.MomentDetected")]
public sealed record MomentDetected : StreamEvent
{
    public override string Type => EventNames.MomentDetected;

    [Id(0)] public required Moment Moment { get; init; }
}
