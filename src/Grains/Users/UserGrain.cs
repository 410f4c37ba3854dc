using LiveStreamX.Audit;
using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Grains.Chat;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Users;

/// <summary>A user's profile and the limits that follow the user to whichever Api node they use.</summary>
// Non-reentrant: the rate limit is checked and spent one message at a time.
public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> user,
    [PersistentState("user-limits", StorageNames.Default)] IPersistentState<UserLimitsState> limits,
    IOptions<ChatOptions> chatOptions,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    // The chat flair (level, badges) as the user's progression last told it, so a message costs no progression call:
    // the progression grain pushes each new level or badge, and a copy older than this is read again, in case a push
    // was lost with a silo.
    private static readonly TimeSpan FlairMaxAge = TimeSpan.FromMinutes(1);
    private readonly StoredState<UserLimitsState> _limits = new(grainContext, limits, "user-limits", logger, "The chat limit could not be saved; try again.");
    private ChatFlair? _flair;
    private DateTimeOffset _flairReadAt;

    public async Task<UserProfile> RegisterAsync(string handle, Role role)
    {
        if (user.State.Profile is { } existing)
        {
            return existing;
        }

        if (!Handles.IsValid(handle))
        {
            throw DomainException.InvalidInput("handle", Handles.Rule);
        }

        var profile = new UserProfile(this.GetPrimaryKeyString(), handle, role, time.GetUtcNow());
        user.State = user.State with { Profile = profile };
        await user.WriteStateAsync();

        // New users start with tokens; a wallet that missed this opens itself on first use.
        await GrainFactory.Get<IWalletGrain>(profile.Id).OpenAsync(profile.Handle);
        return profile;
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(user.State.Profile);

    public async Task<ChatMessageEvent> SendChatAsync(string streamId, string text)
    {
        var profile = user.State.Profile ?? throw DomainException.Forbidden("Sign in to chat.");
        var clean = ChatText.Normalize(text);
        EnsureNotSuspended();

        // A full bucket allows a burst of N; it refills at N per period. Stored (written behind), so it follows the
        // user to another silo.
        var options = chatOptions.Value;
        var now = time.GetUtcNow();
        var bucket = TokenBucket.TryTake(_limits.State.Chat, options.RateLimitMessages, (double)options.RateLimitMessages / options.RateLimitPeriodSeconds, now, out var retry);
        if (bucket is null)
        {
            throw new DomainException(
                ErrorCodes.RateLimited,
                $"Slow down: {options.RateLimitMessages} messages per {options.RateLimitPeriodSeconds} s; try again in {Math.Max(1, Math.Ceiling(retry.TotalSeconds))} s.");
        }

        // The token is spent once the message is posted, or refused for what it says or who sent it (a ban, a
        // blocked term): a message to a stream that is not there, or not live, changes nothing.
        try
        {
            await ScreenAsync(profile.ToActor(), streamId, clean);
            if (_flair is null || time.GetUtcNow() - _flairReadAt >= FlairMaxAge)
            {
                var progress = await GrainFactory.Get<IProgressionGrain>(profile.Id).GetAsync();
                await SetFlairAsync(new ChatFlair(progress.Level, [.. progress.Badges.TakeLast(3)]));
            }

            var message = await GrainFactory.Get<IStreamGrain>(streamId).PostChatAsync(profile.ToActor(), clean, _flair);
            Spend(bucket);
            await GrainFactory.Get<IProgressionGrain>(profile.Id).TrackAsync(new XpActivity(XpSource.ChatMessage, streamId));
            return message;
        }
        catch (DomainException e) when (e.Code is ErrorCodes.Forbidden or ErrorCodes.Blocked or ErrorCodes.Held)
        {
            Spend(bucket);
            throw;
        }
    }

    private void Spend(TokenBucket bucket)
    {
        _limits.State = new UserLimitsState { Chat = bucket };
        _limits.Changed();
    }

    public Task SetFlairAsync(ChatFlair flair)
    {
        _flair = flair;
        _flairReadAt = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task<UserProfile> GrantAdminAsync()
    {
        var profile = user.State.Profile ?? throw DomainException.NotFound($"There is no user '{this.GetPrimaryKeyString()}'.");
        if (profile.Role != Role.Admin)
        {
            user.State = user.State with { Profile = profile with { Role = Role.Admin } };
            await user.WriteStateAsync();
        }

        return user.State.Profile!;
    }

    public async Task<RoleChange> ChangeRoleAsync(Actor admin, Role role, string? reason)
    {
        var profile = user.State.Profile ?? throw DomainException.NotFound($"There is no user '{this.GetPrimaryKeyString()}'.");
        if (!admin.IsAdmin)
        {
            throw DomainException.Forbidden("Only an admin changes roles.");
        }

        if (role is not (Role.Viewer or Role.Creator or Role.Admin))
        {
            throw DomainException.InvalidInput("role", "The role is 'viewer', 'creator' or 'admin'.");
        }

        // So that the last admin cannot lock everyone out by accident; another admin can.
        if (admin.UserId == profile.Id)
        {
            throw new DomainException(ErrorCodes.Conflict, "An admin cannot change their own role.") { Field = "id" };
        }

        if (profile.Role == role)
        {
            return new RoleChange(role, profile);
        }

        // Checked before anything changes: a reason the log refuses must not leave a change behind.
        var entry = AuditRules.Clean(new AuditEntry(admin.UserId, admin.Handle, "role-change", profile.Id,
            $"{profile.Role.ToString().ToLowerInvariant()} -> {role.ToString().ToLowerInvariant()}", null, null, reason, time.GetUtcNow()), time.GetUtcNow());
        var changed = profile with { Role = role };
        user.State = user.State with { Profile = changed };
        await user.WriteStateAsync();
        try
        {
            await GrainFactory.Get<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(entry);
        }
        catch
        {
            // Unaudited, the change does not stand.
            user.State = user.State with { Profile = profile };
            await user.WriteStateAsync();
            throw;
        }

        return new RoleChange(profile.Role, changed);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _limits.FlushAsync(cancellationToken);
        }
        catch (DomainException)
        {
            // Logged; the next activation starts with a full bucket.
        }
    }
}
