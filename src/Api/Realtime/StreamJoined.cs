using LiveStreamX.Chat;
using LiveStreamX.Gifts;
using LiveStreamX.Streams;

namespace LiveStreamX.Api.Realtime;

/// <summary>The answer to <c>stream:join</c>. Replay is typed as object so each event is written with all its fields.</summary>
public sealed record StreamJoined(
    StreamInfo Stream,
    int ViewerCount,
    IReadOnlyList<ChatMessageEvent> Chat,
    long Seq,
    IReadOnlyList<object> Replay,
    bool GapTooOld,
    GiftStats Gifts,
    LiveStreamX.Engagement.Poll? Poll,
    LiveStreamX.Mood.MoodStateChanged? Mood,
    LiveStreamX.Engagement.ChallengeView? Challenge,
    LiveStreamX.Engagement.OverlayLayout Overlay,
    LiveStreamX.Segments.SegmentStarted? Segment = null)
{
    public static StreamJoined From(StreamSnapshot snapshot) => new(
        snapshot.Stream,
        snapshot.Stream.ViewerCount,
        snapshot.Chat,
        snapshot.Seq,
        [.. snapshot.Replay],
        snapshot.GapTooOld,
        snapshot.Gifts,
        snapshot.Poll,
        snapshot.Mood,
        snapshot.Challenge,
        snapshot.Overlay,
        snapshot.Segment);
}
