using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Grains.Chat;
using LiveStreamX.Moderation;
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
    // Slow mode's last message per viewer lives in the stream's limits state (written behind), so a move to another
    // silo keeps it. Flood control's bucket is only a second or two deep and stays in memory: a new activation
    // starts with a full one.
    private TokenBucket? _flood;

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
        var lastMessageAt = _limits.State.LastMessageAt;
        if (!exempt && info.SlowModeSeconds > 0 && lastMessageAt.TryGetValue(author.UserId, out var last))
        {
            var wait = last.AddSeconds(info.SlowModeSeconds) - now;
            if (wait > TimeSpan.Zero)
            {
                throw new DomainException(
                    ErrorCodes.RateLimited,
                    $"Slow mode is on: one message every {info.SlowModeSeconds} s; try again in {Math.Ceiling(wait.TotalSeconds)} s.");
            }
        }

        TokenBucket? flood = null;
        if (!exempt)
        {
            flood = TokenBucket.TryTake(_flood, _chat.StreamBurstMessages, _chat.StreamMessagesPerSecond, now, out var retry);
            if (flood is null)
            {
                throw new DomainException(
                    ErrorCodes.RateLimited,
                    $"The chat is too busy ({_chat.StreamMessagesPerSecond} messages a second); try again in {Math.Max(1, Math.Ceiling(retry.TotalSeconds))} s.");
            }
        }

        var message = await PostAsync(author, clean, flair);
        _flood = flood ?? _flood;
        if (info.SlowModeSeconds > 0 && !exempt)
        {
            RememberLastMessage(author.UserId, now, info.SlowModeSeconds);
        }

        return message;
    }

    public async Task<ChatMessageEvent> ReleaseChatAsync(Actor author, string text)
    {
        if (Info.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Chat is open while the stream is live.");
        }

        return await PostAsync(author, ChatText.Normalize(text), flair: null);
    }

    public async Task<ChatMessageEvent> RemoveChatAsync(string creatorId, string messageId)
    {
        var info = Info;
        if (info.CreatorId != creatorId)
        {
            throw DomainException.Forbidden("This stream is another creator's.");
        }

        var chat = _chatHistory.State.Chat;
        var removed = chat.FirstOrDefault(m => m.Id == messageId) ?? throw DomainException.NotFound($"There is no message '{messageId}' in this stream's chat.");

        // Written before the event goes out, unlike new messages: a deleted line must not come back with a move.
        await PublishAsync(
            new ChatMessageDeleted { StreamId = Id, MessageId = removed.Id, UserId = removed.UserId },
            _ => _chatHistory.CommitAsync(new StreamChatState { Chat = [.. _chatHistory.State.Chat.Where(m => m.Id != messageId)] }));
        return removed;
    }

    public Task<ChatMessageEvent?> FindChatAsync(string messageId) =>
        Task.FromResult(_chatHistory.State.Chat.FirstOrDefault(m => m.Id == messageId));

    private async Task<ChatMessageEvent> PostAsync(Actor author, string clean, ChatFlair? flair)
    {
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
        AddChallengeProgress(ChallengeKind.ChatMessages, 1);
        _engagementReceived++;
        Count((tally, at) => tally.Chat(at));
        return message;
    }

    private void RememberLastMessage(string userId, DateTimeOffset now, int slowModeSeconds)
    {
        // Written behind, never committed, so changed in place (no write runs during a grain call). Entries older
        // than slow mode hold nobody back: they are dropped once the map grows, so it stays small.
        var all = _limits.State.LastMessageAt;
        if (all.Count >= 1_000)
        {
            foreach (var id in all.Where(e => now - e.Value >= TimeSpan.FromSeconds(slowModeSeconds)).Select(e => e.Key).ToList())
            {
                all.Remove(id);
            }
        }

        all[userId] = now;
        _limits.Changed();
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
            _overlay.State.Overlay,
            PlayingSegment);
        return Task.FromResult(snapshot);
    }
}
