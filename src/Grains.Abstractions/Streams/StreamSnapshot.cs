using LiveStreamX.Chat;
using LiveStreamX.Gifts;

namespace LiveStreamX.Streams;

/// <summary>What a viewer needs on joining: the stream, recent chat, the current seq, and what it missed.</summary>
[GenerateSerializer, Immutable, Alias("lsx.StreamSnapshot")]
public sealed record StreamSnapshot(
    [property: Id(0)] StreamInfo Stream,
    [property: Id(1)] IReadOnlyList<ChatMessageEvent> Chat,
    [property: Id(2)] long Seq,
    [property: Id(3)] IReadOnlyList<StreamEvent> Replay,
    [property: Id(4)] bool GapTooOld,
    [property: Id(5)] GiftStats Gifts,
    [property: Id(6)] Engagement.Poll? Poll,
    [property: Id(7)] Mood.MoodStateChanged? Mood,
    [property: Id(8)] Engagement.ChallengeView? Challenge,
    [property: Id(9)] Engagement.OverlayLayout Overlay,
    [property: Id(60)] Segments.SegmentStarted? Segment = null);

/// <summary>An Api node's report that a viewer joined, with the node's viewer count for the stream.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ViewerJoin")]
public sealed record ViewerJoin(
    [property: Id(0)] string NodeId,
    [property: Id(1)] int NodeViewerCount,
    [property: Id(2)] long? SinceSeq);
