namespace LiveStreamX.Streams;

/// <summary>The wire contract's event and method names, spelled once.</summary>
public static class EventNames
{
    public const string StreamJoin = "stream:join";
    public const string StreamLeave = "stream:leave";
    public const string StreamState = "stream:state";

    /// <summary>Several events of one stream in one message, in seq order (the Api node's send tick, under load).</summary>
    public const string StreamEvents = "stream:events";
    public const string ViewersCount = "viewers:count";
    public const string ChatMessage = "chat:message";
    public const string ChatSlowMode = "chat:slowmode";
    public const string GiftSend = "gift:send";
    public const string GiftReceived = "gift:received";
    public const string OverlayTrigger = "overlay:trigger";
    public const string WheelCommit = "wheel:commit";
    public const string WheelResult = "wheel:result";
    public const string PollCreate = "poll:create";
    public const string PollVote = "poll:vote";
    public const string PollClose = "poll:close";
    public const string PollUpdate = "poll:update";
    public const string PollClosed = "poll:closed";
    public const string MoodReact = "mood:react";
    public const string MoodState = "mood:state";
    public const string QaAsk = "qa:ask";
    public const string QaUpvote = "qa:upvote";
    public const string QaMark = "qa:mark";
    public const string QaUpdate = "qa:update";
    public const string ChallengeStart = "challenge:start";
    public const string ChallengeUpdate = "challenge:update";
    public const string MomentDetected = "moment:detected";
    public const string MomentMark = "moment:mark";
    public const string OverlayUpdate = "overlay:update";
    public const string WatchHeartbeat = "watch:heartbeat";
    public const string LeaderboardUpdate = "leaderboard:update";
    public const string SegmentStart = "segment:start";
    public const string SegmentEnd = "segment:end";

    /// <summary>A user event: the processing of one of the user's uploaded segments moved on.</summary>
    public const string SegmentProcessing = "segment:processing";
}
