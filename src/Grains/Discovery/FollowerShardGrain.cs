using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Progression;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Discovery;

/// <summary>One shard of a creator's followers: a set of ids, written with each change, and the go-live fan-out.</summary>
// Non-reentrant: a change is written before the next is made, and undone in memory if the write fails.
public sealed partial class FollowerShardGrain(
    [PersistentState("follower-shard", StorageNames.Default)] IPersistentState<FollowerShardState> shard,
    ILogger<FollowerShardGrain> logger) : Grain, IFollowerShardGrain
{
    public Task<int> AddAsync(string followerId) => ChangeAsync(set => set.Add(followerId), set => set.Remove(followerId));

    public Task<int> RemoveAsync(string followerId) => ChangeAsync(set => set.Remove(followerId), set => set.Add(followerId));

    public Task NotifyAsync(StreamLiveNotice notice)
    {
        // Each follower's events grain forwards to the nodes holding their connections; nobody online, nothing sent.
        foreach (var follower in shard.State.Followers)
        {
            GrainFactory.Get<IUserEventsGrain>(follower).PublishAsync(notice with { UserId = follower }).Ignore();
        }

        return Task.CompletedTask;
    }

    private async Task<int> ChangeAsync(Func<HashSet<string>, bool> apply, Func<HashSet<string>, bool> undo)
    {
        var set = shard.State.Followers;
        if (apply(set))
        {
            try
            {
                await shard.WriteStateAsync();
            }
            catch (Exception ex)
            {
                undo(set);
                LogWriteFailed(logger, ex, this.GetPrimaryKeyString());
                throw new DomainException(ErrorCodes.Unavailable, "The follow could not be saved; try again.");
            }
        }

        return set.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follower shard {Shard}: the write failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string shard);
}
