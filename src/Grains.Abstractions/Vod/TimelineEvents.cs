using LiveStreamX.Moderation;
using LiveStreamX.Streams;

namespace LiveStreamX.Vod;

/// <summary>Which of a stream's events its timeline keeps.</summary>
public static class TimelineEvents
{
    // Everything that shows on the stream except counters, the wheel's commitment (its result is kept) and chat
    // deletions (the deleted line leaves the timeline instead). A list of exclusions, so that events added later (segments) replay without a change here.
    private static readonly HashSet<string> Skipped =
    [
        EventNames.ViewersCount,
        EventNames.LeaderboardUpdate,
        EventNames.WheelCommit,
        EventNames.ChatSlowMode,
        ModerationEventNames.ChatDelete,
    ];

    // The kinds a seek shows their latest state of (TimelineRead.Context), besides the last chat lines.
    private static readonly HashSet<string> Stateful =
    [
        EventNames.PollUpdate,
        EventNames.PollClosed,
        EventNames.PollCreate,
        EventNames.MoodState,
        EventNames.ChallengeUpdate,
        EventNames.OverlayUpdate,
    ];

    /// <summary>How many state slots a seek's context fills (poll, mood, challenge, overlay layout).</summary>
    public const int StateSlots = 4;

    /// <summary>Chat lines a seek shows before its offset.</summary>
    public const int ContextChatLines = 50;

    public static bool Keeps(StreamEvent e) => !Skipped.Contains(e.Type);

    /// <summary>The state slot an event fills in a seek's context ("poll" for every poll event), or null.</summary>
    public static string? StateOf(StreamEvent e) =>
        Stateful.Contains(e.Type) ? (e.Type.StartsWith("poll:", StringComparison.Ordinal) ? "poll" : e.Type) : null;
}
