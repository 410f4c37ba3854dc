using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Moderation;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Moderation;

/// <summary>The platform's blocked terms; each creator's moderation grain reads a copy at most a few seconds old.</summary>
// Non-reentrant: changes are rare; reads interleave.
public sealed class PlatformModerationGrain(
    [PersistentState("platform-moderation", StorageNames.Default)] IPersistentState<PlatformModerationState> platform,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<PlatformModerationGrain> logger) : Grain, IPlatformModerationGrain
{
    private readonly StoredState<PlatformModerationState> _state = new(grainContext, platform, "platform-moderation", logger, "The blocked terms could not be saved; try again.");

    public Task<PlatformTerms> GetTermsAsync() => Task.FromResult(new PlatformTerms(_state.State.Terms, _state.State.Version));

    public async Task<PlatformTerms> SetTermsAsync(Actor actor, IReadOnlyList<BlockedTerm> terms)
    {
        if (!actor.IsAdmin)
        {
            throw DomainException.Forbidden("Only admins set the platform's blocked terms.");
        }

        var clean = TermMatcher.Validate(terms);
        await _state.CommitAsync(new PlatformModerationState { Terms = [.. clean], Version = _state.State.Version + 1 });
        await GrainFactory.Get<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(new AuditEntry(
            actor.UserId, actor.Handle, ModerationActions.PlatformTermsSet, null, null, null, null, $"{clean.Count} terms", time.GetUtcNow()));
        return await GetTermsAsync();
    }
}
