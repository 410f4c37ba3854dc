namespace LiveStreamX.Users;

/// <summary>One user: profile and the per-user limits that must hold on every Api node. Key: user id.</summary>
[Alias("lsx.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the profile once; a second call with the same handle and role returns the first profile.</summary>
    [Alias("Register")]
    Task<UserProfile> RegisterAsync(string handle, Role role);

    /// <summary>The profile, or null if the user was never registered. A pure read: it interleaves.</summary>
    [Alias("GetProfile"), Orleans.Concurrency.AlwaysInterleave]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>The user's progression tells the user a new level or badge, for the flair of the next chat messages.</summary>
    [Alias("SetFlair"), Orleans.Concurrency.OneWay]
    Task SetFlairAsync(Chat.ChatFlair flair);

    /// <summary>Sends a chat message as this user, through the user's rate limit.</summary>
    [Alias("SendChat")]
    Task<Chat.ChatMessageEvent> SendChatAsync(string streamId, string text);

    /// <summary>Suspends the account on the whole platform (admins only); its connections close within a second.</summary>
    [Alias("Suspend")]
    Task<Moderation.Restriction> SuspendAsync(Actor admin, string? reason);

    /// <summary>Lifts a suspension (admins only).</summary>
    [Alias("Unsuspend")]
    Task UnsuspendAsync(Actor admin);

    /// <summary>The suspension in force, or null. A pure read.</summary>
    [Alias("GetSuspension"), Orleans.Concurrency.AlwaysInterleave]
    Task<Moderation.Restriction?> GetSuspensionAsync();

    /// <summary>Makes the user an admin (bootstrap from the settings); returns the profile as it is now.</summary>
    [Alias("GrantAdmin")]
    Task<UserProfile> GrantAdminAsync();

    /// <summary>
    /// An admin gives the user another role, for a reason; the change and its audit entry stand or fall together.
    /// Refused for anyone but an admin, for the admin's own account, and for <see cref="Role.System"/>.
    /// </summary>
    [Alias("ChangeRole")]
    Task<RoleChange> ChangeRoleAsync(Actor admin, Role role, string? reason);
}
