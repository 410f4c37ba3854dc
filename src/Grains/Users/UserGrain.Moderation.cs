using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Grains.Moderation;
using LiveStreamX.Moderation;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Users;

public sealed partial class UserGrain
{
    private const int CreatorsRemembered = 64;

    // The creator of each stream the user chatted in: a stream's creator never changes, so a message costs the
    // stream lookup once, then only the creator's moderation check.
    private readonly Dictionary<string, string> _creatorOf = [];

    public async Task<Restriction> SuspendAsync(Actor admin, string? reason)
    {
        EnsureAdmin(admin);
        var profile = user.State.Profile ?? throw DomainException.NotFound($"There is no user '{this.GetPrimaryKeyString()}'.");
        if (profile.Role == Role.Admin)
        {
            throw DomainException.Forbidden("An admin cannot be suspended; take the role away first.");
        }

        if (user.State.Suspension is { } existing)
        {
            return existing;
        }

        var clean = InputText.Strip(reason)?.Trim();
        if (clean?.Length > ModerationGrain.MaxReasonLength)
        {
            throw DomainException.InvalidInput("reason", $"A reason is at most {ModerationGrain.MaxReasonLength} characters.");
        }

        var suspension = new Restriction(profile.Id, admin.UserId, string.IsNullOrEmpty(clean) ? null : clean, time.GetUtcNow(), Until: null);
        user.State = user.State with { Suspension = suspension };
        await user.WriteStateAsync();
        GrainFactory.Get<IUserEventsGrain>(profile.Id).PublishAsync(new ModerationRestricted
        {
            UserId = profile.Id, At = suspension.At, Kind = RestrictionKind.Suspension, Reason = suspension.Reason,
        }).Ignore();
        await AuditAsync(admin, ModerationActions.Suspend, suspension.Reason);
        return suspension;
    }

    public async Task UnsuspendAsync(Actor admin)
    {
        EnsureAdmin(admin);
        if (user.State.Suspension is null)
        {
            throw DomainException.NotFound("The account is not suspended.");
        }

        user.State = user.State with { Suspension = null };
        await user.WriteStateAsync();
        GrainFactory.Get<IUserEventsGrain>(this.GetPrimaryKeyString())
            .PublishAsync(new ModerationLifted { UserId = this.GetPrimaryKeyString(), At = time.GetUtcNow(), Kind = RestrictionKind.Suspension })
            .Ignore();
        await AuditAsync(admin, ModerationActions.Unsuspend, reason: null);
    }

    public Task<Restriction?> GetSuspensionAsync() => Task.FromResult(user.State.Suspension);

    private void EnsureNotSuspended()
    {
        if (user.State.Suspension is not null)
        {
            throw DomainException.Forbidden("This account is suspended.");
        }
    }

    /// <summary>The stream's creator's rules: bans, timeouts and blocked terms (the creator's own streams pass).</summary>
    private async Task ScreenAsync(Actor author, string streamId, string text)
    {
        if (!_creatorOf.TryGetValue(streamId, out var creatorId))
        {
            var info = await GrainFactory.Get<IStreamGrain>(streamId).GetAsync() ?? throw DomainException.NotFound($"There is no stream '{streamId}'.");
            if (_creatorOf.Count >= CreatorsRemembered)
            {
                _creatorOf.Clear();
            }

            creatorId = _creatorOf[streamId] = info.CreatorId;
        }

        if (creatorId != author.UserId)
        {
            await GrainFactory.Get<IModerationGrain>(creatorId).ScreenAsync(author, streamId, text);
        }
    }

    private static void EnsureAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw DomainException.Forbidden("Only admins may suspend accounts.");
        }
    }

    private Task AuditAsync(Actor admin, string action, string? reason) =>
        GrainFactory.Get<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(new AuditEntry(
            admin.UserId, admin.Handle, action, this.GetPrimaryKeyString(), null, null, null, reason, time.GetUtcNow()));
}
