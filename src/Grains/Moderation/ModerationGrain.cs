using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Moderation;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Moderation;

/// <summary>One creator's room rules for all of their streams (see <see cref="IModerationGrain"/>).</summary>
// Non-reentrant: a ban and the screening of the banned user's next message never interleave.
public sealed class ModerationGrain(
    [PersistentState("moderation", StorageNames.Default)] IPersistentState<ModerationState> moderation,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<ModerationGrain> logger) : Grain, IModerationGrain
{
    public const int MaxTimeoutSeconds = 14 * 24 * 3600;
    public const int MaxReasonLength = 300;
    private const int MaxModerators = 100;
    private const int MaxHeld = 200;

    // The platform's list changes rarely and is read by every creator's grain: a copy at most this old is used.
    private static readonly TimeSpan PlatformTermsMaxAge = TimeSpan.FromSeconds(5);

    private readonly StoredState<ModerationState> _state = new(grainContext, moderation, "moderation", logger, "The moderation change could not be saved; try again.");
    private PlatformTerms _platformTerms = new([], 0);
    private DateTimeOffset _platformReadAt = DateTimeOffset.MinValue;
    private bool _creatorChecked;

    private string CreatorId => this.GetPrimaryKeyString();

    private ModerationState State => _state.State;

    public async Task<ModerationView> GetAsync(Actor actor)
    {
        EnsureModerator(actor);
        await EnsureCreatorAsync();
        return View();
    }

    public Task<bool> MayModerateAsync(Actor actor) => Task.FromResult(IsModerator(actor));

    public async Task<ModerationView> AddModeratorAsync(Actor actor, string userId)
    {
        EnsureOwner(actor);
        await EnsureCreatorAsync();
        var target = await RequireUserAsync(userId);
        if (target.Id == CreatorId)
        {
            throw DomainException.InvalidInput("userId", "The creator moderates their streams already.");
        }

        if (State.Moderators.Contains(target.Id))
        {
            return View();
        }

        if (State.Moderators.Length >= MaxModerators)
        {
            throw new DomainException(ErrorCodes.Conflict, $"A creator has at most {MaxModerators} moderators.");
        }

        await _state.CommitAsync(State with { Moderators = [.. State.Moderators, target.Id] });
        await AuditAsync(actor, ModerationActions.ModeratorAdd, target.Id, streamId: null, reason: null);
        return View();
    }

    public async Task<ModerationView> RemoveModeratorAsync(Actor actor, string userId)
    {
        EnsureOwner(actor);
        if (!State.Moderators.Contains(userId))
        {
            throw DomainException.NotFound($"'{userId}' is not a moderator here.");
        }

        await _state.CommitAsync(State with { Moderators = [.. State.Moderators.Where(m => m != userId)] });
        await AuditAsync(actor, ModerationActions.ModeratorRemove, userId, streamId: null, reason: null);
        return View();
    }

    public async Task<Restriction> BanAsync(Actor actor, string userId, string? reason)
    {
        EnsureModerator(actor);
        var clean = Reason(reason);
        await EnsureCreatorAsync();
        var target = await RequireTargetAsync(actor, userId);
        var ban = new Restriction(target.Id, actor.UserId, clean, time.GetUtcNow(), Until: null);
        await _state.CommitAsync(State with { Bans = With(State.Bans, ban), Timeouts = Without(State.Timeouts, target.Id) });
        Tell(new ModerationRestricted { UserId = target.Id, At = ban.At, Kind = RestrictionKind.Ban, CreatorId = CreatorId, Reason = clean });
        await AuditAsync(actor, ModerationActions.Ban, target.Id, streamId: null, clean);
        return ban;
    }

    public async Task UnbanAsync(Actor actor, string userId)
    {
        EnsureModerator(actor);
        if (!State.Bans.ContainsKey(userId))
        {
            throw DomainException.NotFound($"'{userId}' is not banned here.");
        }

        await _state.CommitAsync(State with { Bans = Without(State.Bans, userId) });
        Tell(new ModerationLifted { UserId = userId, At = time.GetUtcNow(), Kind = RestrictionKind.Ban, CreatorId = CreatorId });
        await AuditAsync(actor, ModerationActions.Unban, userId, streamId: null, reason: null);
    }

    public async Task<Restriction> TimeoutAsync(Actor actor, string userId, int seconds, string? reason)
    {
        EnsureModerator(actor);
        if (seconds is < 1 or > MaxTimeoutSeconds)
        {
            throw DomainException.InvalidInput("seconds", $"A timeout lasts 1 second to {MaxTimeoutSeconds / 86400} days ({MaxTimeoutSeconds} s).");
        }

        var clean = Reason(reason);
        await EnsureCreatorAsync();
        var target = await RequireTargetAsync(actor, userId);
        if (State.Bans.ContainsKey(target.Id))
        {
            throw new DomainException(ErrorCodes.Conflict, "The user is banned here already; unban them first.");
        }

        var now = time.GetUtcNow();
        var timeout = new Restriction(target.Id, actor.UserId, clean, now, now.AddSeconds(seconds));
        await _state.CommitAsync(State with { Timeouts = With(Pruned(State.Timeouts, now), timeout) });
        Tell(new ModerationRestricted { UserId = target.Id, At = now, Kind = RestrictionKind.Timeout, CreatorId = CreatorId, Until = timeout.Until, Reason = clean });
        await AuditAsync(actor, ModerationActions.Timeout, target.Id, streamId: null, clean is null ? $"{seconds} s" : $"{seconds} s: {clean}");
        return timeout;
    }

    public async Task LiftTimeoutAsync(Actor actor, string userId)
    {
        EnsureModerator(actor);
        if (!State.Timeouts.TryGetValue(userId, out var timeout) || timeout.Until <= time.GetUtcNow())
        {
            throw DomainException.NotFound($"'{userId}' is not timed out here.");
        }

        await _state.CommitAsync(State with { Timeouts = Without(State.Timeouts, userId) });
        Tell(new ModerationLifted { UserId = userId, At = time.GetUtcNow(), Kind = RestrictionKind.Timeout, CreatorId = CreatorId });
        await AuditAsync(actor, ModerationActions.TimeoutLift, userId, streamId: null, reason: null);
    }

    public async Task<ModerationView> SetBlockedTermsAsync(Actor actor, IReadOnlyList<BlockedTerm> terms)
    {
        EnsureOwner(actor);
        var clean = TermMatcher.Validate(terms);
        await EnsureCreatorAsync();
        await _state.CommitAsync(State with { Terms = [.. clean] });
        await AuditAsync(actor, ModerationActions.TermsSet, targetUserId: null, streamId: null, reason: $"{clean.Count} terms");
        return View();
    }

    public async Task DeleteMessageAsync(Actor actor, string streamId, string messageId, string? reason)
    {
        EnsureModerator(actor);
        var clean = Reason(reason);
        if (string.IsNullOrWhiteSpace(messageId) || messageId.Length > 64)
        {
            throw DomainException.InvalidInput("messageId", "Name the message by its id.");
        }

        var removed = await GrainFactory.Get<IStreamGrain>(streamId).RemoveChatAsync(CreatorId, messageId);
        await AuditAsync(actor, ModerationActions.ChatDelete, removed.UserId, streamId, clean, target: messageId);
    }

    public Task<Restriction?> GetBanAsync(string userId) => Task.FromResult(State.Bans.GetValueOrDefault(userId));

    public async Task ScreenAsync(Actor author, string streamId, string text)
    {
        if (IsModerator(author))
        {
            return;
        }

        var now = time.GetUtcNow();
        if (State.Bans.ContainsKey(author.UserId))
        {
            throw DomainException.Forbidden("You are banned from this creator's chat.");
        }

        if (State.Timeouts.TryGetValue(author.UserId, out var timeout) && timeout.Until > now)
        {
            throw DomainException.Forbidden($"You are timed out of this creator's chat for {Math.Ceiling((timeout.Until.Value - now).TotalSeconds)} s more.");
        }

        if (now - _platformReadAt > PlatformTermsMaxAge)
        {
            _platformTerms = await GrainFactory.Get<IPlatformModerationGrain>(0).GetTermsAsync();
            _platformReadAt = now;
        }

        if (TermMatcher.FindFirst(text, State.Terms.Concat(_platformTerms.Terms)) is not { } term)
        {
            return;
        }

        if (term.Action == TermAction.Drop)
        {
            throw new DomainException(ErrorCodes.Blocked, "The message was not sent: it contains a blocked term.");
        }

        var held = new HeldMessage("h_" + Guid.NewGuid().ToString("N")[..16], streamId, author.UserId, author.Handle, text, term.Term, now, author.Role);
        await _state.CommitAsync(State with { Held = [.. State.Held.TakeLast(MaxHeld - 1), held] });
        throw new DomainException(ErrorCodes.Held, "The message is held for a moderator's review.");
    }

    public Task<IReadOnlyList<HeldMessage>> GetHeldAsync(Actor actor)
    {
        EnsureModerator(actor);
        return Task.FromResult<IReadOnlyList<HeldMessage>>(State.Held);
    }

    public async Task ReviewHeldAsync(Actor actor, string heldId, bool approve)
    {
        EnsureModerator(actor);
        var held = State.Held.FirstOrDefault(h => h.Id == heldId) ?? throw DomainException.NotFound($"There is no held message '{heldId}'.");
        if (approve)
        {
            // Posted before it leaves the queue: a stream that is no longer live keeps it here to be rejected.
            await GrainFactory.Get<IStreamGrain>(held.StreamId).ReleaseChatAsync(new Actor(held.UserId, held.Handle, held.Role), held.Text);
        }

        await _state.CommitAsync(State with { Held = [.. State.Held.Where(h => h.Id != heldId)] });
        await AuditAsync(actor, approve ? ModerationActions.HeldApprove : ModerationActions.HeldReject, held.UserId, held.StreamId, reason: $"term '{held.Term}'", target: heldId);
    }

    private ModerationView View()
    {
        var now = time.GetUtcNow();
        return new ModerationView(
            CreatorId,
            State.Moderators,
            [.. State.Bans.Values.OrderBy(b => b.At)],
            [.. Pruned(State.Timeouts, now).Values.OrderBy(t => t.At)],
            State.Terms,
            State.Held.Length);
    }

    private bool IsOwner(Actor actor) => actor.IsAdmin || actor.UserId == CreatorId;

    private bool IsModerator(Actor actor) => IsOwner(actor) || State.Moderators.Contains(actor.UserId);

    private void EnsureOwner(Actor actor)
    {
        if (!IsOwner(actor))
        {
            throw DomainException.Forbidden("Only the creator or an admin may do that.");
        }
    }

    private void EnsureModerator(Actor actor)
    {
        if (!IsModerator(actor))
        {
            throw DomainException.Forbidden("Only the creator, their moderators or an admin may moderate these streams.");
        }
    }

    // An admin may open the rules of any key: it must be a creator, not an id nobody has.
    private async Task EnsureCreatorAsync()
    {
        if (_creatorChecked)
        {
            return;
        }

        if (await GrainFactory.Get<IUserGrain>(CreatorId).GetProfileAsync() is not { Role: Role.Creator or Role.Admin })
        {
            throw DomainException.NotFound($"There is no creator '{CreatorId}'.");
        }

        _creatorChecked = true;
    }

    private async Task<UserProfile> RequireUserAsync(string userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 64)
        {
            throw DomainException.InvalidInput("userId", "Name the user by their id.");
        }

        return await GrainFactory.Get<IUserGrain>(userId).GetProfileAsync() ?? throw DomainException.NotFound($"There is no user '{userId}'.");
    }

    /// <summary>The user to ban or time out: never oneself, the creator or an admin; a moderator only by the creator.</summary>
    private async Task<UserProfile> RequireTargetAsync(Actor actor, string userId)
    {
        var target = await RequireUserAsync(userId);
        if (target.Id == actor.UserId)
        {
            throw DomainException.InvalidInput("userId", "You cannot restrict yourself.");
        }

        if (target.Id == CreatorId || target.Role == Role.Admin)
        {
            throw DomainException.Forbidden("The creator and admins cannot be banned or timed out here.");
        }

        if (State.Moderators.Contains(target.Id) && !IsOwner(actor))
        {
            throw DomainException.Forbidden("Only the creator or an admin may restrict a moderator.");
        }

        return target;
    }

    private static string? Reason(string? reason)
    {
        var clean = InputText.Strip(reason)?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return null;
        }

        return clean.Length <= MaxReasonLength ? clean : throw DomainException.InvalidInput("reason", $"A reason is at most {MaxReasonLength} characters.");
    }

    // One way: the user's Api nodes mute or close their connections; the rule is already in force here.
    private void Tell(UserEvent e) => GrainFactory.Get<IUserEventsGrain>(e.UserId).PublishAsync(e).Ignore();

    private Task AuditAsync(Actor actor, string action, string? targetUserId, string? streamId, string? reason, string? target = null) =>
        GrainFactory.Get<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(
            new AuditEntry(actor.UserId, actor.Handle, action, targetUserId, target, streamId, CreatorId, reason, time.GetUtcNow()));

    private static Dictionary<string, Restriction> With(Dictionary<string, Restriction> all, Restriction r) => new(all) { [r.UserId] = r };

    private static Dictionary<string, Restriction> Without(Dictionary<string, Restriction> all, string userId)
    {
        var copy = new Dictionary<string, Restriction>(all);
        copy.Remove(userId);
        return copy;
    }

    private static Dictionary<string, Restriction> Pruned(Dictionary<string, Restriction> timeouts, DateTimeOffset now) =>
        timeouts.Values.All(t => t.Until > now) ? timeouts : timeouts.Where(t => t.Value.Until > now).ToDictionary();
}
