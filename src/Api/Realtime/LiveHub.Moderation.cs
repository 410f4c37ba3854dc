using LiveStreamX.Api.Apis;
using LiveStreamX.Common;
using LiveStreamX.Moderation;
using LiveStreamX.Streams;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

public sealed partial class LiveHub
{
    /// <summary>Deletes a chat message (the stream's creator, their moderators, admins); viewers get <c>chat:delete</c>.</summary>
    [HubMethodName(ModerationEventNames.ChatDelete)]
    public async Task DeleteChatMessage(ChatDeleteInput delete)
    {
        var actor = RequireActor("Sign in to moderate.");
        var input = delete ?? throw DomainException.InvalidInput("delete", "Send { streamId, messageId, reason? }.");
        var creatorId = await CreatorOfAsync(input.StreamId);
        await grains.Get<IModerationGrain>(creatorId).DeleteMessageAsync(actor, input.StreamId, input.MessageId ?? string.Empty, input.Reason);
    }

    /// <summary>Times a user out of the chat of every stream of this stream's creator.</summary>
    [HubMethodName(ModerationEventNames.Timeout)]
    public async Task<Restriction> TimeoutUser(TimeoutInput timeout)
    {
        var actor = RequireActor("Sign in to moderate.");
        var input = timeout ?? throw DomainException.InvalidInput("timeout", "Send { streamId, userId, seconds, reason? }.");
        var creatorId = await CreatorOfAsync(input.StreamId);
        return await grains.Get<IModerationGrain>(creatorId).TimeoutAsync(actor, input.UserId ?? string.Empty, input.Seconds, input.Reason);
    }

    /// <summary>Bans a user from the chat of every stream of this stream's creator.</summary>
    [HubMethodName(ModerationEventNames.Ban)]
    public async Task<Restriction> BanUser(BanInput ban)
    {
        var actor = RequireActor("Sign in to moderate.");
        var input = ban ?? throw DomainException.InvalidInput("ban", "Send { streamId, userId, reason? }.");
        var creatorId = await CreatorOfAsync(input.StreamId);
        return await grains.Get<IModerationGrain>(creatorId).BanAsync(actor, input.UserId ?? string.Empty, input.Reason);
    }

    /// <summary>Lifts a ban from this stream's creator's chats.</summary>
    [HubMethodName(ModerationEventNames.Unban)]
    public async Task UnbanUser(UnbanInput unban)
    {
        var actor = RequireActor("Sign in to moderate.");
        var input = unban ?? throw DomainException.InvalidInput("unban", "Send { streamId, userId }.");
        var creatorId = await CreatorOfAsync(input.StreamId);
        await grains.Get<IModerationGrain>(creatorId).UnbanAsync(actor, input.UserId ?? string.Empty);
    }

    private async Task<string> CreatorOfAsync(string streamId)
    {
        StreamNames.RequireValidId(streamId);
        var info = await grains.StreamOf(streamId).GetAsync() ?? throw DomainException.NotFound($"There is no stream '{streamId}'.");
        return info.CreatorId;
    }
}

/// <summary>The body of <c>chat:delete</c>.</summary>
public sealed record ChatDeleteInput(string StreamId, string? MessageId, string? Reason);

/// <summary>The body of <c>moderation:timeout</c>.</summary>
public sealed record TimeoutInput(string StreamId, string? UserId, int Seconds, string? Reason);

/// <summary>The body of <c>moderation:ban</c>.</summary>
public sealed record BanInput(string StreamId, string? UserId, string? Reason);

/// <summary>The body of <c>moderation:unban</c>.</summary>
public sealed record UnbanInput(string StreamId, string? UserId);
