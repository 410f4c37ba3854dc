using LiveStreamX.Api.Identity;
using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Gifts;
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
public sealed class LiveHub(ViewerPresence presence, IGrainFactory grains) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>Starts receiving a stream's events; returns its snapshot and what was missed since <paramref name="sinceSeq"/>.</summary>
    [HubMethodName(EventNames.StreamJoin)]
    public Task<StreamJoined> JoinStream(string streamId, long? sinceSeq = null)
    {
        StreamNames.RequireValidId(streamId);
        if (sinceSeq < 0)
        {
            throw DomainException.InvalidInput("sinceSeq", "sinceSeq is a seq the client has seen, 0 or more.");
        }

        return presence.JoinAsync(Context.ConnectionId, streamId, sinceSeq);
    }

    /// <summary>Stops receiving a stream's events.</summary>
    [HubMethodName(EventNames.StreamLeave)]
    public Task LeaveStream(string streamId)
    {
        StreamNames.RequireValidId(streamId);
        return presence.LeaveAsync(Context.ConnectionId, streamId);
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
        return grains.GetGrain<IUserGrain>(actor.UserId).SendChatAsync(message.StreamId, message.Text);
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

        return grains.GetGrain<IWalletGrain>(actor.UserId)
            .SendGiftAsync(new SendGift(gift.StreamId, gift.GiftCode, gift.Count, gift.IdempotencyKey));
    }

    public override Task OnDisconnectedAsync(Exception? exception) => presence.DisconnectAsync(Context.ConnectionId);

    private Actor RequireActor(string why) => Context.User.ToActor() ?? throw DomainException.Forbidden(why);
}

/// <summary>The body of <c>gift:send</c>.</summary>
public sealed record GiftSendInput(string StreamId, string GiftCode, int Count, string IdempotencyKey);

/// <summary>The body of <c>chat:message</c>.</summary>
public sealed record ChatMessageInput(string StreamId, string Text);
