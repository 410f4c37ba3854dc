using LiveStreamX.Common;
using LiveStreamX.Discovery;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Discovery;

/// <summary>
/// A creator's follower count (each shard's count as the shard last answered, so a repeated add or a crash between
/// the shard's write and this one heals with the next answer) and the creator's live streams, whose go-live goes
/// one way to every non-empty shard, which tells each follower.
/// </summary>
// Non-reentrant: counts are replaced one answer at a time.
public sealed class FollowersGrain(
    [PersistentState("followers", StorageNames.Default)] IPersistentState<FollowersState> followers,
    IGrainContext grainContext,
    ILogger<FollowersGrain> logger) : Grain, IFollowersGrain
{
    private const int MaxLive = 8;

    private readonly StoredState<FollowersState> _store = new(grainContext, followers, "followers", logger, "The follow could not be saved; try again.");

    private string CreatorId => this.GetPrimaryKeyString();

    public Task<int> AddAsync(string followerId) => ChangeAsync(followerId, shard => shard.AddAsync(followerId));

    public Task<int> RemoveAsync(string followerId) => ChangeAsync(followerId, shard => shard.RemoveAsync(followerId));

    public Task<CreatorAudience> GetAsync() =>
        Task.FromResult(new CreatorAudience(CreatorId, _store.Written.ShardCounts.Sum(), _store.Written.Live));

    public Task StreamChangedAsync(StreamInfo stream)
    {
        if (stream.CreatorId != CreatorId)
        {
            return Task.CompletedTask;
        }

        var others = _store.State.Live.Where(l => l.StreamId != stream.Id);
        var live = stream.Status == StreamStatus.Live
            ? [.. others, new LiveStreamRef(stream.Id, stream.Title, stream.Category, stream.StartedAt ?? DateTimeOffset.UtcNow)]
            : others.ToList();
        var wasLive = _store.State.Live.Any(l => l.StreamId == stream.Id);
        _store.State = _store.State with { Live = [.. live.TakeLast(MaxLive)] };
        _store.Changed();
        if (stream.Status == StreamStatus.Live && !wasLive)
        {
            var notice = new StreamLiveNotice
            {
                UserId = string.Empty,
                At = stream.StartedAt ?? DateTimeOffset.UtcNow,
                StreamId = stream.Id,
                CreatorId = CreatorId,
                CreatorHandle = stream.CreatorHandle,
                Title = stream.Title,
                Category = stream.Category,
            };
            var counts = _store.State.ShardCounts;
            for (var shard = 0; shard < counts.Length; shard++)
            {
                if (counts[shard] > 0)
                {
                    GrainFactory.Get<IFollowerShardGrain>(FollowerShards.Key(CreatorId, shard)).NotifyAsync(notice).Ignore();
                }
            }
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _store.FlushAsync(cancellationToken);

    private async Task<int> ChangeAsync(string followerId, Func<IFollowerShardGrain, Task<int>> change)
    {
        var shard = FollowerShards.Of(followerId);
        var count = await change(GrainFactory.Get<IFollowerShardGrain>(FollowerShards.Key(CreatorId, shard)));
        if (_store.State.ShardCounts[shard] != count)
        {
            var counts = (int[])_store.State.ShardCounts.Clone();
            counts[shard] = count;
            await _store.CommitAsync(_store.State with { ShardCounts = counts });
        }

        return _store.State.ShardCounts.Sum();
    }
}
