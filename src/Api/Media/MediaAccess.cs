using LiveStreamX.Api.Apis;
using LiveStreamX.Common;
using LiveStreamX.Moderation;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Api.Media;

/// <summary>Who may join a stream's LiveKit room, and how: every refusal of a media token in one place.</summary>
internal static class MediaAccess
{
    /// <summary>
    /// The stream and whether the caller publishes (its creator) or only subscribes; <c>not_found</c>, <c>not_live</c>
    /// (ended or archived: the room is gone) or <c>forbidden</c> (suspended, banned) otherwise. A ticket check of gated
    /// streams joins the refusals here.
    /// </summary>
    public static async Task<(StreamInfo Stream, bool Publish)> DecideAsync(IGrainFactory grains, string streamId, Actor? actor)
    {
        var stream = await grains.StreamOf(streamId).GetAsync() ?? throw DomainException.NotFound($"There is no stream '{streamId}'.");
        if (stream.Status is StreamStatus.Ended or StreamStatus.Archived)
        {
            throw new DomainException(ErrorCodes.NotLive, $"The stream has {(stream.Status == StreamStatus.Ended ? "ended" : "been archived")}: there is no live video to join.");
        }

        // Every stream may be watched anonymously today; a per-stream switch would refuse here.
        if (actor is null)
        {
            return (stream, false);
        }

        if (await grains.Get<IUserGrain>(actor.UserId).GetSuspensionAsync() is not null)
        {
            throw DomainException.Forbidden("This account is suspended.");
        }

        if (actor.UserId == stream.CreatorId)
        {
            return (stream, true);
        }

        if (await grains.Get<IModerationGrain>(stream.CreatorId).GetBanAsync(actor.UserId) is not null)
        {
            throw DomainException.Forbidden("You are banned from this creator's streams.");
        }

        return (stream, false);
    }
}
