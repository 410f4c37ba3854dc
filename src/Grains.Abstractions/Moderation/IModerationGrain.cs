using LiveStreamX.Users;

namespace LiveStreamX.Moderation;

/// <summary>
/// One creator's room rules, for all of the creator's streams: moderators, bans, timeouts, blocked terms and the
/// messages held for review. Every action is checked against the actor (the creator, one of their moderators, or
/// an admin) and written to the audit log. Key: the creator's user id.
/// </summary>
[Alias("lsx.IModerationGrain")]
public interface IModerationGrain : IGrainWithStringKey
{
    /// <summary>The rules as they stand (the creator, a moderator or an admin).</summary>
    [Alias("Get")]
    Task<ModerationView> GetAsync(Actor actor);

    /// <summary>Whether the actor may moderate this creator's streams (the creator, a moderator or an admin). A pure read.</summary>
    [Alias("MayModerate"), Orleans.Concurrency.AlwaysInterleave]
    Task<bool> MayModerateAsync(Actor actor);

    /// <summary>Appoints a moderator (the creator or an admin).</summary>
    [Alias("AddModerator")]
    Task<ModerationView> AddModeratorAsync(Actor actor, string userId);

    /// <summary>Removes a moderator (the creator or an admin).</summary>
    [Alias("RemoveModerator")]
    Task<ModerationView> RemoveModeratorAsync(Actor actor, string userId);

    /// <summary>Bans a user from every stream of the creator until unbanned.</summary>
    [Alias("Ban")]
    Task<Restriction> BanAsync(Actor actor, string userId, string? reason);

    /// <summary>Lifts a ban.</summary>
    [Alias("Unban")]
    Task UnbanAsync(Actor actor, string userId);

    /// <summary>Keeps a user out of the creator's chats for <paramref name="seconds"/>.</summary>
    [Alias("Timeout")]
    Task<Restriction> TimeoutAsync(Actor actor, string userId, int seconds, string? reason);

    /// <summary>Ends a timeout early.</summary>
    [Alias("LiftTimeout")]
    Task LiftTimeoutAsync(Actor actor, string userId);

    /// <summary>Replaces the creator's blocked terms (the creator or an admin).</summary>
    [Alias("SetBlockedTerms")]
    Task<ModerationView> SetBlockedTermsAsync(Actor actor, IReadOnlyList<BlockedTerm> terms);

    /// <summary>Deletes a message from one of the creator's streams: it leaves the history, viewers get <c>chat:delete</c>.</summary>
    [Alias("DeleteMessage")]
    Task DeleteMessageAsync(Actor actor, string streamId, string messageId, string? reason);

    /// <summary>
    /// Checks a chat message before it is posted: refuses a banned or timed-out author (<c>forbidden</c>), drops a
    /// message with a blocked term (<c>blocked</c>) or holds it for review (<c>held</c>).
    /// </summary>
    [Alias("Screen")]
    Task ScreenAsync(Actor author, string streamId, string text);

    /// <summary>The messages held for review, oldest first.</summary>
    [Alias("GetHeld")]
    Task<IReadOnlyList<HeldMessage>> GetHeldAsync(Actor actor);

    /// <summary>Posts a held message to its stream (<paramref name="approve"/>) or discards it.</summary>
    [Alias("ReviewHeld")]
    Task ReviewHeldAsync(Actor actor, string heldId, bool approve);

    /// <summary>The user's ban from the creator's streams, or null (media tokens are refused to the banned). A pure read.</summary>
    [Alias("GetBan"), Orleans.Concurrency.AlwaysInterleave]
    Task<Restriction?> GetBanAsync(string userId);
}

/// <summary>What a blocked term does to a message: drop it, or hold it for a moderator's review.</summary>
public enum TermAction
{
    Drop = 0,
    Hold = 1,
}

/// <summary>
/// A word or phrase to keep out of chat, matched after normalisation (case, accents, look-alike letters, spacing
/// tricks, stretched letters), as whole words; a trailing <c>*</c> matches any word that starts with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.BlockedTerm")]
public sealed record BlockedTerm([property: Id(0)] string Term, [property: Id(1)] TermAction Action);

/// <summary>Why and until when a user may not chat in a creator's streams; <paramref name="Until"/> null is a ban.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Restriction")]
public sealed record Restriction(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ByUserId,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] DateTimeOffset? Until);

/// <summary>A chat message a blocked term held until a moderator approves or rejects it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.HeldMessage")]
public sealed record HeldMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string StreamId,
    [property: Id(2)] string UserId,
    [property: Id(3)] string Handle,
    [property: Id(4)] string Text,
    [property: Id(5)] string Term,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] Role Role);

/// <summary>A creator's rules as the creator and their moderators see them.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ModerationView")]
public sealed record ModerationView(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] IReadOnlyList<string> Moderators,
    [property: Id(2)] IReadOnlyList<Restriction> Bans,
    [property: Id(3)] IReadOnlyList<Restriction> Timeouts,
    [property: Id(4)] IReadOnlyList<BlockedTerm> BlockedTerms,
    [property: Id(5)] int HeldCount);
