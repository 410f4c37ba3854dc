using LiveStreamX.Chat;
using LiveStreamX.Gifts;
using LiveStreamX.Users;
using Orleans.Concurrency;

namespace LiveStreamX.Streams;

/// <summary>
/// One live stream session: its state machine, chat, sequence of events and viewers. Key: stream id. Its getters
/// interleave with everything (they read memory in one turn), so they never queue behind chat or gifts; they may
/// show a change whose write is still in flight.
/// </summary>
[Alias("lsx.IStreamGrain")]
public interface IStreamGrain : IGrainWithStringKey
{
    /// <summary>Creates the stream in <see cref="StreamStatus.Scheduled"/>; fails if it exists.</summary>
    [Alias("Create")]
    Task<StreamInfo> CreateAsync(CreateStream command);

    /// <summary>The stream, or null if it was never created.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<StreamInfo?> GetAsync();

    /// <summary>
    /// For the stream's creator or an admin: the analytics counts of the minute under way, handed over to the stream's
    /// analytics grain, which asks for them when its figures are read.
    /// </summary>
    [Alias("TakeAnalytics")]
    Task<Analytics.AnalyticsTally> TakeAnalyticsAsync(Actor actor);

    /// <summary>Moves the stream along its lifecycle; only its creator or an admin may.</summary>
    [Alias("MoveTo")]
    Task<StreamInfo> MoveToAsync(Actor actor, StreamStatus target);

    /// <summary>Sets slow mode (0 turns it off); only its creator or an admin may.</summary>
    [Alias("SetSlowMode")]
    Task<StreamInfo> SetSlowModeAsync(Actor actor, int seconds);

    /// <summary>Posts a chat message already past the author's rate limit; returns it with its seq.</summary>
    [Alias("PostChat")]
    Task<ChatMessageEvent> PostChatAsync(Actor author, string text, ChatFlair? flair = null);

    /// <summary>Records a viewer on a node and returns the snapshot, with the events since <c>SinceSeq</c>.</summary>
    [Alias("Join")]
    Task<StreamSnapshot> JoinAsync(ViewerJoin join);

    /// <summary>Records a delivered gift once (by sender and transfer number), broadcasts it and runs its command.</summary>
    [Alias("RecordGift")]
    Task RecordGiftAsync(GiftDelivery delivery);

    /// <summary>Replaces the stream's gift-to-action mapping; only its creator or an admin may.</summary>
    [Alias("SetCommandGifts")]
    Task<CommandGiftConfig> SetCommandGiftsAsync(Actor actor, CommandGiftConfig config);

    [Alias("GetCommandGifts"), AlwaysInterleave]
    Task<CommandGiftConfig> GetCommandGiftsAsync();

    /// <summary>The spin wheel's current commitment and its last revealed rounds.</summary>
    [Alias("GetWheel"), AlwaysInterleave]
    Task<WheelHistory> GetWheelAsync();

    /// <summary>The stream's gift total and top gifters.</summary>
    [Alias("GetGiftStats"), AlwaysInterleave]
    Task<GiftStats> GetGiftStatsAsync();

    /// <summary>
    /// Gives an event from a feature grain (polls, mood) the stream's next seq and sends it out. Feature grains call
    /// it; the stream grain never calls them back.
    /// </summary>
    [Alias("Append")]
    Task<StreamEvent> AppendAsync(StreamEvent draft);

    /// <summary>Starts a challenge; only the creator or an admin, one at a time, while live.</summary>
    [Alias("StartChallenge")]
    Task<Engagement.Challenge> StartChallengeAsync(Actor actor, Engagement.StartChallenge request);

    [Alias("GetChallenge"), AlwaysInterleave]
    Task<Engagement.Challenge?> GetChallengeAsync();

    /// <summary>Reactions the mood grain counted for this stream (for challenges and highlight moments).</summary>
    [Alias("RecordReactions")]
    Task RecordReactionsAsync(long count);

    /// <summary>A viewer marks a highlight moment by hand.</summary>
    [Alias("MarkMoment")]
    Task<Engagement.Moment> MarkMomentAsync(Actor actor, string? note);

    /// <summary>The stream's highlight moments, newest first.</summary>
    [Alias("GetMoments"), AlwaysInterleave]
    Task<IReadOnlyList<Engagement.Moment>> GetMomentsAsync();

    /// <summary>Replaces the creator's overlay layout (already checked by <see cref="Engagement.OverlayRules"/>; checked again).</summary>
    [Alias("SetOverlay")]
    Task<Engagement.OverlayLayout> SetOverlayAsync(Actor actor, Engagement.OverlayLayout layout);

    [Alias("GetOverlay"), AlwaysInterleave]
    Task<Engagement.OverlayLayout> GetOverlayAsync();

    /// <summary>
    /// An Api node's current number of viewers of this stream (0 when the last one left) and the observer the
    /// stream pushes its events to: a lease, renewed by the next report and dropped when it lapses. Returns the
    /// stream's last seq, where the pushes to a new observer start.
    /// </summary>
    [Alias("ReportViewers")]
    Task<long> ReportViewersAsync(string nodeId, int count, IStreamObserver? observer);

    /// <summary>The events after <paramref name="sinceSeq"/> in the replay buffer, for a node that saw a gap in its pushes.</summary>
    // Interleaves: a read of the buffer needs no turn of its own, and a node filling a gap must not queue behind chat.
    [AlwaysInterleave, Alias("Replay")]
    Task<StreamReplay> ReplayAsync(long sinceSeq);
}
