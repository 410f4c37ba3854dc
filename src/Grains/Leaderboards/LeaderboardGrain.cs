using LiveStreamX.Common;
using LiveStreamX.Leaderboards;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Leaderboards;

/// <summary>
/// A board as one list, merged from its shards: the top N is the merge of each shard's top N (any global top-N
/// entry is in its own shard's top N); a rank is one plus the entries before it on every shard. Cost per query:
/// one call per shard, each O(users in the shard).
/// </summary>
[StatelessWorker]
public sealed class LeaderboardGrain : Grain, ILeaderboardGrain
{
    private string Board => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<BoardEntry>> TopAsync(int n)
    {
        n = Math.Clamp(n, 1, 1000);
        var tops = await Task.WhenAll(Shards().Select(s => s.TopAsync(n)));
        return BoardOrder.Merge(tops, n);
    }

    public async Task<BoardRank?> RankAsync(string userId, int neighbours)
    {
        neighbours = Math.Clamp(neighbours, 0, 50);
        var entry = await Shard(BoardCategories.ShardOf(userId)).GetAsync(userId);
        if (entry is null)
        {
            return null;
        }

        var around = await Task.WhenAll(Shards().Select(s => s.AroundAsync(entry, neighbours)));
        var order = BoardOrder.Instance;
        return new BoardRank(
            1 + around.Sum(a => a.Before),
            entry,
            [.. around.SelectMany(a => a.Above).Order(order).TakeLast(neighbours)],
            [.. around.SelectMany(a => a.Below).Order(order).Take(neighbours)]);
    }

    public Task AddAsync(string userId, string handle, long delta) => Shard(BoardCategories.ShardOf(userId)).AddAsync(userId, handle, delta);

    private IEnumerable<ILeaderboardShardGrain> Shards() => Enumerable.Range(0, BoardCategories.Shards).Select(Shard);

    private ILeaderboardShardGrain Shard(int shard) => GrainFactory.Get<ILeaderboardShardGrain>(BoardCategories.ShardKey(Board, shard));
}
