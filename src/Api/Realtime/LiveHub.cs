using LiveStreamX.Api.Identity;
using LiveStreamX.Chat;
using LiveStreamX.Api.Mood;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Mood;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using LiveStreamX.Wallets;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// The one realtime endpoint, <c>/hubs/live</c>. Each method checks its input, calls one grain (or the node's
/// presence, which calls one grain) and returns. Events reach clients through <see cref="StreamEventBridge"/>.
/// </summary>
// Untyped: the wire names ("chat:message") are not C# identifiers, so a typed client interface cannot spell them.
public sealed partial class LiveHub(
    ViewerPresence presence, ReactionAggregator reactions, UserEventBridge userEvents, KnownStreams streams, IGrainFactory grains,
    UserConnections connections) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>The largest message a client may send (SignalR's default, stated): a larger one closes the connection.</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>Starts receiving a stream's events; returns its snapshot and what was missed since <paramref name="sinceSeq"/>.</summary>
    [HubMethodName(EventNames.StreamJoin)]
    public async Task<StreamJoined> JoinStream(string streamId, long? sinceSeq = null)
    {
        StreamNames.RequireValidId(streamId);
        if (sinceSeq < 0)
        {
            throw DomainException.InvalidInput("sinceSeq", "sinceSeq is a seq the client has seen, 0 or more.");
        }

        // Before subscribing: an unknown id must leave nothing behind (no subscription, no pub-sub state).
        await streams.RequireAsync(streamId);
        var joined = await presence.JoinAsync(Context.ConnectionId, streamId, sinceSeq);
        if (sinceSeq is null)
        {
            SignalWatch(Discovery.SignalKind.Join, streamId);
        }

        return joined;
    }

    /// <summary>Stops receiving a stream's events.</summary>
    [HubMethodName(EventNames.StreamLeave)]
    public async Task LeaveStream(string streamId)
    {
        StreamNames.RequireValidId(streamId);
        await streams.RequireAsync(streamId);
        await presence.LeaveAsync(Context.ConnectionId, streamId);
        SignalWatch(Discovery.SignalKind.Leave, streamId);
    }

    /// <summary>Sends a chat message; every viewer of the stream, the sender too, receives it as <c>chat:message</c>.</summary>
    [HubMethodName(EventNames.ChatMessage)]
    public Task<ChatMessageEvent> SendChatMessage(ChatMessageInput message)
    {
        var actor = RequireActor("Sign in to chat.");
        if (message is null)
        {
            throw DomainException.InvalidInput("message", "Send { streamId, text }.");
        }

        StreamNames.RequireValidId(message.StreamId);
        return grains.Get<IUserGrain>(actor.UserId).SendChatAsync(message.StreamId, message.Text);
    }

    /// <summary>Sends a gift to the stream's creator; a retry with the same idempotency key returns the first receipt.</summary>
    [HubMethodName(EventNames.GiftSend)]
    public Task<GiftReceipt> SendGift(GiftSendInput gift)
    {
        var actor = RequireActor("Sign in to send gifts.");
        if (gift is null)
        {
            throw DomainException.InvalidInput("gift", "Send { streamId, giftCode, count, idempotencyKey }.");
        }

        return grains.Get<IWalletGrain>(actor.UserId)
            .SendGiftAsync(new SendGift(gift.StreamId, gift.GiftCode, gift.Count, gift.IdempotencyKey));
    }

    /// <summary>Opens a poll in the stream (its creator or an admin).</summary>
    [HubMethodName(EventNames.PollCreate)]
    public Task<Poll> CreatePoll(PollCreateInput poll)
    {
        var actor = RequireActor("Sign in to open polls.");
        var input = poll ?? throw DomainException.InvalidInput("poll", "Send { streamId, question, options, durationSeconds }.");
        StreamNames.RequireValidId(input.StreamId);
        return grains.Get<IPollGrain>(input.StreamId).CreateAsync(actor, new CreatePoll(input.Question, input.Options ?? [], input.DurationSeconds));
    }

    /// <summary>Votes once in the stream's open poll.</summary>
    [HubMethodName(EventNames.PollVote)]
    public Task<Poll> Vote(PollVoteInput vote)
    {
        var actor = RequireActor("Sign in to vote.");
        var input = vote ?? throw DomainException.InvalidInput("vote", "Send { streamId, pollId, option }.");
        StreamNames.RequireValidId(input.StreamId);
        return grains.Get<IPollGrain>(input.StreamId).VoteAsync(actor, input.PollId ?? string.Empty, input.Option);
    }

    /// <summary>Closes the stream's open poll early (its creator or an admin).</summary>
    [HubMethodName(EventNames.PollClose)]
    public Task<Poll> ClosePoll(PollCloseInput close)
    {
        var actor = RequireActor("Sign in to close polls.");
        var input = close ?? throw DomainException.InvalidInput("close", "Send { streamId, pollId }.");
        StreamNames.RequireValidId(input.StreamId);
        return grains.Get<IPollGrain>(input.StreamId).CloseAsync(actor, input.PollId ?? string.Empty);
    }

    /// <summary>
    /// Reactions: one tap, or the taps of one mood a client added up since its last send. Counted on this node and
    /// sent on in batches; over the limit they are dropped, not an error.
    /// </summary>
    [HubMethodName(EventNames.MoodReact)]
    public async Task<ReactionAck> React(ReactionInput reaction)
    {
        var actor = RequireActor("Sign in to react.");
        var input = reaction ?? throw DomainException.InvalidInput("reaction", "Send { streamId, mood, count? }.");
        StreamNames.RequireValidId(input.StreamId);
        if (!WireEnum.TryParse<MoodKind>(input.Mood, out var mood))
        {
            throw DomainException.InvalidInput("mood", $"The mood is one of {WireEnum.List<MoodKind>()}.");
        }

        var count = input.Count ?? 1;
        if (count is < 1 or > ReactionInput.MaxCount)
        {
            throw DomainException.InvalidInput("count", $"A reaction carries 1 to {ReactionInput.MaxCount} taps.");
        }

        await streams.RequireAsync(input.StreamId);
        return new ReactionAck(reactions.Add(actor.UserId, input.StreamId, mood, count));
    }

    /// <summary>Asks the creator a question.</summary>
    [HubMethodName(EventNames.QaAsk)]
    public Task<Question> Ask(QaAskInput question)
    {
        var actor = RequireActor("Sign in to ask.");
        var input = question ?? throw DomainException.InvalidInput("question", "Send { streamId, text }.");
        StreamNames.RequireValidId(input.StreamId);
        return grains.Get<IQaGrain>(input.StreamId).AskAsync(actor, input.Text ?? string.Empty);
    }

    /// <summary>Upvotes a question once.</summary>
    [HubMethodName(EventNames.QaUpvote)]
    public Task<Question> Upvote(QaQuestionInput upvote)
    {
        var actor = RequireActor("Sign in to upvote.");
        var input = upvote ?? throw DomainException.InvalidInput("upvote", "Send { streamId, questionId }.");
        StreamNames.RequireValidId(input.StreamId);
        return grains.Get<IQaGrain>(input.StreamId).UpvoteAsync(actor, input.QuestionId ?? string.Empty);
    }

    /// <summary>The creator marks a question answered or dismissed.</summary>
    [HubMethodName(EventNames.QaMark)]
    public Task<Question> Mark(QaMarkInput mark)
    {
        var actor = RequireActor("Sign in to mark questions.");
        var input = mark ?? throw DomainException.InvalidInput("mark", "Send { streamId, questionId, status }.");
        StreamNames.RequireValidId(input.StreamId);
        var status = input.Status switch
        {
            "answered" => QuestionStatus.Answered,
            "dismissed" => QuestionStatus.Dismissed,
            _ => throw DomainException.InvalidInput("status", "The status is answered or dismissed."),
        };
        return grains.Get<IQaGrain>(input.StreamId).MarkAsync(actor, input.QuestionId ?? string.Empty, status);
    }

    /// <summary>The creator starts a challenge.</summary>
    [HubMethodName(EventNames.ChallengeStart)]
    public Task<ChallengeView> StartChallenge(ChallengeStartInput challenge)
    {
        var actor = RequireActor("Sign in to start challenges.");
        var input = challenge ?? throw DomainException.InvalidInput("challenge", "Send { streamId, kind, target, durationSeconds, reward? }.");
        StreamNames.RequireValidId(input.StreamId);
        var kind = input.Kind switch
        {
            "gift-tokens" => ChallengeKind.GiftTokens,
            "reactions" => ChallengeKind.Reactions,
            "chat-messages" => ChallengeKind.ChatMessages,
            "new-viewers" => ChallengeKind.NewViewers,
            _ => throw DomainException.InvalidInput("kind", "The kind is gift-tokens, reactions, chat-messages or new-viewers."),
        };
        return StartAsync();

        async Task<ChallengeView> StartAsync()
        {
            var started = await grains.Get<IStreamGrain>(input.StreamId).StartChallengeAsync(actor, new StartChallenge(
                kind, input.Target, input.DurationSeconds, input.Reward?.Action, input.Reward?.Params?.GetRawText()));
            return ChallengeView.Of(started);
        }
    }

    /// <summary>Marks a highlight moment by hand.</summary>
    [HubMethodName(EventNames.MomentMark)]
    public Task<Moment> MarkMoment(MomentMarkInput moment)
    {
        var actor = RequireActor("Sign in to mark moments.");
        var input = moment ?? throw DomainException.InvalidInput("moment", "Send { streamId, note? }.");
        StreamNames.RequireValidId(input.StreamId);
        return grains.Get<IStreamGrain>(input.StreamId).MarkMomentAsync(actor, input.Note);
    }

    /// <summary>A watch-time heartbeat (every 30 s while the page is visible); returns the XP it earned.</summary>
    [HubMethodName(EventNames.WatchHeartbeat)]
    public async Task<ProgressChange?> Heartbeat(HeartbeatInput heartbeat)
    {
        var actor = RequireActor("Sign in to earn XP.");
        var input = heartbeat ?? throw DomainException.InvalidInput("heartbeat", "Send { streamId, visible }.");
        StreamNames.RequireValidId(input.StreamId);
        await streams.RequireAsync(input.StreamId);
        // A visible heartbeat on a live stream also counts in the stream's analytics (the progression grain checks the
        // stream is live and hands it on).
        return input.Visible
            ? await grains.Get<IProgressionGrain>(actor.UserId).RecordAsync(new XpActivity(XpSource.Watch, input.StreamId))
            : null;
    }

    public override async Task OnConnectedAsync()
    {
        if (Context.User.ToActor() is { } actor)
        {
            // Registered before the check: a suspension pushed from now on closes it, one before is found here.
            connections.Add(actor.UserId, Context);
            await userEvents.ConnectAsync(actor.UserId);
            if (await grains.Get<IUserGrain>(actor.UserId).GetSuspensionAsync() is not null)
            {
                Context.Abort();
            }
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await presence.DisconnectAsync(Context.ConnectionId);
        if (Context.User.ToActor() is { } actor)
        {
            connections.Remove(actor.UserId, Context.ConnectionId);
            await userEvents.DisconnectAsync(actor.UserId);
        }
    }

    private Actor RequireActor(string why) => Context.User.ToActor() ?? throw DomainException.Forbidden(why);
}

/// <summary>The body of <c>gift:send</c>.</summary>
public sealed record GiftSendInput(string StreamId, string GiftCode, int Count, string IdempotencyKey);

/// <summary>The body of <c>poll:create</c>.</summary>
public sealed record PollCreateInput(string StreamId, string Question, IReadOnlyList<string>? Options, int DurationSeconds);

/// <summary>The body of <c>poll:vote</c>.</summary>
public sealed record PollVoteInput(string StreamId, string? PollId, int Option);

/// <summary>The body of <c>poll:close</c>.</summary>
public sealed record PollCloseInput(string StreamId, string? PollId);

/// <summary>The body of <c>mood:react</c>: <see cref="Count"/> taps of one mood (1 when absent).</summary>
public sealed record ReactionInput(string StreamId, string? Mood, int? Count = null)
{
    /// <summary>The most taps one <c>mood:react</c> carries (a user's default limit is 10 a second).</summary>
    public const int MaxCount = 10;
}

/// <summary>The answer to <c>mood:react</c>.</summary>
public sealed record ReactionAck(bool Accepted);

/// <summary>The body of <c>qa:ask</c>.</summary>
public sealed record QaAskInput(string StreamId, string? Text);

/// <summary>The body of <c>qa:upvote</c>.</summary>
public sealed record QaQuestionInput(string StreamId, string? QuestionId);

/// <summary>The body of <c>qa:mark</c>.</summary>
public sealed record QaMarkInput(string StreamId, string? QuestionId, string? Status);

/// <summary>The body of <c>challenge:start</c>.</summary>
public sealed record ChallengeStartInput(string StreamId, string? Kind, long Target, int DurationSeconds, ChallengeRewardInput? Reward);

/// <summary>A challenge's reward: an overlay action and its parameters.</summary>
public sealed record ChallengeRewardInput(string? Action, System.Text.Json.JsonElement? Params);

/// <summary>The body of <c>moment:mark</c>.</summary>
public sealed record MomentMarkInput(string StreamId, string? Note);

/// <summary>The body of <c>watch:heartbeat</c>.</summary>
public sealed record HeartbeatInput(string StreamId, bool Visible);

/// <summary>The body of <c>chat:message</c>.</summary>
public sealed record ChatMessageInput(string StreamId, string Text);
