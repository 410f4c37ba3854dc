using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// The creators one user follows. A follow is told to the creator's followers first (idempotent there), then
/// committed here, so a failure at any step leaves a state that the same request, repeated, completes.
/// </summary>
// Non-reentrant: a follow and an unfollow of the same creator must not interleave between the two grains.
public sealed class FollowsGrain(
    [PersistentState("follows", StorageNames.Default)] IPersistentState<FollowsState> follows,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<FollowsGrain> logger) : Grain, IFollowsGrain
{
    private readonly StoredState<FollowsState> _store = new(grainContext, follows, "follows", logger, "The follow could not be saved; try again.");

    private string UserId => this.GetPrimaryKeyString();

    public async Task<FollowChange> FollowAsync(string creatorId, string creatorHandle)
    {
        if (creatorId == UserId)
        {
            throw DomainException.InvalidInput("id", "You cannot follow yourself.");
        }

        var creators = _store.State.Creators;
        if (creators.ContainsKey(creatorId))
        {
            return new FollowChange(creatorId, true, (await Followers(creatorId).GetAsync()).Followers);
        }

        if (creators.Count >= FollowerShards.MaxFollowing)
        {
            throw new DomainException(ErrorCodes.Conflict, $"You follow {FollowerShards.MaxFollowing} creators already; unfollow one first.");
        }

        var count = await Followers(creatorId).AddAsync(UserId);
        var now = time.GetUtcNow();
        var next = new Dictionary<string, Followed>(_store.State.Creators) { [creatorId] = new Followed(creatorId, creatorHandle, now) };
        await _store.CommitAsync(_store.State with { Creators = next });
        Signal(SignalKind.Follow, creatorId, creatorHandle, now);
        return new FollowChange(creatorId, true, count);
    }

    public async Task<FollowChange> UnfollowAsync(string creatorId)
    {
        if (!_store.State.Creators.TryGetValue(creatorId, out var followed))
        {
            return new FollowChange(creatorId, false, (await Followers(creatorId).GetAsync()).Followers);
        }

        var count = await Followers(creatorId).RemoveAsync(UserId);
        var next = new Dictionary<string, Followed>(_store.State.Creators);
        next.Remove(creatorId);
        await _store.CommitAsync(_store.State with { Creators = next });
        Signal(SignalKind.Unfollow, creatorId, followed.CreatorHandle, time.GetUtcNow());
        return new FollowChange(creatorId, false, count);
    }

    public Task<IReadOnlyList<Followed>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Followed>>([.. _store.Written.Creators.Values.OrderByDescending(f => f.Since)]);

    public Task<int> CountAsync() => Task.FromResult(_store.Written.Creators.Count);

    public Task<bool> IsFollowingAsync(string creatorId) => Task.FromResult(_store.Written.Creators.ContainsKey(creatorId));

    private IFollowersGrain Followers(string creatorId) => GrainFactory.Get<IFollowersGrain>(creatorId);

    // One way: the follow is done; what it teaches the recommendations follows.
    private void Signal(SignalKind kind, string creatorId, string? creatorHandle, DateTimeOffset at) =>
        GrainFactory.Get<IDiscoverySignalsGrain>(0)
            .RecordAsync(new ViewerSignal(UserId, kind, string.Empty, at) { CreatorId = creatorId, CreatorHandle = creatorHandle }).Ignore();
}
