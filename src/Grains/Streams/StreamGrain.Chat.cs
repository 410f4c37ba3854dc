using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const int SnapshotChatSize = 50;

    // The chat history is written at most once a second, not with each message: a message is live once published,
    // and rewriting the whole history (200 messages) per message made chat the costliest write of a busy stream.
    // A silo that dies loses at most the last second of history; seqs stay safe, as their reservation is written
    // before any is handed out.
    // Slow mode is enforced per activation: after a move to another silo a viewer may send one message early.
    private readonly Dictionary<string, DateTimeOffset> _lastMessageAt = [];

    public async Task<ChatMessageEvent> PostChatAsync(Actor author, string text, ChatFlair? flair = null)
    {
        var info = Info;
        var clean = ChatText.Normalize(text);
        if (info.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Chat is open while the stream is live.");
        }

        var now = time.GetUtcNow();
        var exempt = author.IsAdmin || author.Role == Role.System || author.UserId == info.CreatorId;
        if (!exempt && info.SlowModeSeconds > 0 && _lastMessageAt.TryGetValue(author.UserId, out var last))
        {
            var wait = last.AddSeconds(info.SlowModeSeconds) - now;
            if (wait > TimeSpan.Zero)
            {
                throw new DomainException(
                    ErrorCodes.RateLimited,
                    $"Slow mode is on: one message every {info.SlowModeSeconds} s; try again in {Math.Ceiling(wait.TotalSeconds)} s.");
            }
        }

        var message = await PublishAsync(
            new ChatMessageEvent
            {
                StreamId = Id,
                Id = "m_" + Guid.NewGuid().ToString("N")[..16],
                UserId = author.UserId,
                Handle = author.Handle,
                Role = author.Role,
                Text = clean,
                Level = flair?.Level ?? 0,
                Badges = (flair?.Badges ?? []).Take(3).ToArray(),
            });
        _chatHistory.State = new StreamChatState { Chat = [.. _chatHistory.State.Chat.TakeLast(_chat.HistorySize - 1), message] };
        _chatHistory.Changed();
        _lastMessageAt[author.UserId] = now;
        AddChallengeProgress(ChallengeKind.ChatMessages, 1);
        _engagementReceived++;
        Count((tally, at) => tally.Chat(at));
        return message;
    }

    public Task<StreamSnapshot> JoinAsync(ViewerJoin join)
    {
        var info = Info;
        SetNodeViewers(join.NodeId, join.NodeViewerCount);
        if (join.SinceSeq is null)
        {
            AddChallengeProgress(ChallengeKind.NewViewers, 1);
            _firstJoins++;
        }

        IReadOnlyList<StreamEvent> replay = [];
        var gapTooOld = false;
        if (join.SinceSeq is { } since)
        {
            var missed = _replay.Since(since);
            replay = missed ?? [];
            gapTooOld = missed is null;
        }

        var chat = _chatHistory.State.Chat;
        var snapshot = new StreamSnapshot(
            info with { ViewerCount = ViewerCount },
            chat[Math.Max(0, chat.Length - SnapshotChatSize)..],
            _seq,
            replay,
            gapTooOld,
            GiftStatsNow(),
            _poll.State.Poll,
            _mood,
            _challenge.State.Challenge is { } challenge ? ChallengeView.Of(challenge) : null,
            _overlay.State.Overlay);
        return Task.FromResult(snapshot);
    }
}
