using LiveStreamX.Progression;
using LiveStreamX.Streams;

namespace LiveStreamX.Moderation;

/// <summary>A moderator deleted a chat message: clients remove it; it has left the history and the join snapshot.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChatMessageDeleted")]
public sealed record ChatMessageDeleted : StreamEvent
{
    public override string Type => ModerationEventNames.ChatDelete;

    [Id(0)]
    public required string MessageId { get; init; }

    /// <summary>The author of the deleted message.</summary>
    [Id(1)]
    public required string UserId { get; init; }
}

/// <summary>What restricts a user: a ban or timeout in one creator's streams, or a platform suspension.</summary>
public enum RestrictionKind
{
    Ban = 0,
    Timeout = 1,
    Suspension = 2,
}

/// <summary>
/// To the restricted user's own connections: they may no longer chat in <see cref="CreatorId"/>'s streams (a ban
/// or timeout: the connection stays, muted) or anywhere (a suspension: the Api node closes the connection after this).
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.ModerationRestricted")]
public sealed record ModerationRestricted : UserEvent
{
    public override string Type => ModerationEventNames.Restricted;

    [Id(0)]
    public required RestrictionKind Kind { get; init; }

    /// <summary>The creator whose streams it covers; null for a suspension.</summary>
    [Id(1)]
    public string? CreatorId { get; init; }

    /// <summary>When it ends by itself; null until lifted.</summary>
    [Id(2)]
    public DateTimeOffset? Until { get; init; }

    [Id(3)]
    public string? Reason { get; init; }
}

/// <summary>To the user's own connections: a ban, timeout or suspension was lifted.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ModerationLifted")]
public sealed record ModerationLifted : UserEvent
{
    public override string Type => ModerationEventNames.Lifted;

    [Id(0)]
    public required RestrictionKind Kind { get; init; }

    [Id(1)]
    public string? CreatorId { get; init; }
}

/// <summary>The wire names of moderation's events and hub methods.</summary>
public static class ModerationEventNames
{
    public const string ChatDelete = "chat:delete";
    public const string Restricted = "moderation:restricted";
    public const string Lifted = "moderation:lifted";
    public const string Timeout = "moderation:timeout";
    public const string Ban = "moderation:ban";
    public const string Unban = "moderation:unban";
}
