using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const int SnapshotChatSize = 50;

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
            },
            (state, e) => state with { Chat = [.. state.Chat.TakeLast(_chat.HistorySize - 1), e] });
        _lastMessageAt[author.UserId] = now;
        AddChallengeProgress(ChallengeKind.ChatMessages, 1);
        _engagementReceived++;
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

        var chat = stream.State.Chat;
        var snapshot = new StreamSnapshot(
            info with { ViewerCount = ViewerCount },
            chat[Math.Max(0, chat.Length - SnapshotChatSize)..],
            _seq,
            replay,
            gapTooOld,
            GiftStatsNow(),
            stream.State.Poll,
            _mood,
            stream.State.Challenge is { } challenge ? ChallengeView.Of(challenge) : null,
            stream.State.Overlay);
        return Task.FromResult(snapshot);
    }
}
