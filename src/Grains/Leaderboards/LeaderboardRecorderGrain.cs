using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Leaderboards;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Leaderboards;

/// <summary>
/// Adds a score to a category's all-time board and the current season's board. The season number and users'
/// handles are cached per silo for a few seconds, so a score just after a rollover may land in the old season.
/// </summary>
[StatelessWorker]
public sealed class LeaderboardRecorderGrain([FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, ILeaderboardRecorderGrain
{
    private static readonly TimeSpan SeasonCache = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, string> _handles = [];
    private Season? _season;
    private DateTimeOffset _seasonReadAt;

    public async Task RecordAsync(string category, string userId, long delta)
    {
        if (delta <= 0 || !BoardCategories.All.Contains(category))
        {
            return;
        }

        var handle = await HandleOfAsync(userId);
        var season = await SeasonAsync();

        // Straight to the user's shard of each board: a score is one call per board, not two.
        await Task.WhenAll(
            Shard(BoardCategories.Board(category, "all"), userId).AddAsync(userId, handle, delta),
            Shard(BoardCategories.Board(category, $"season-{season.Number}"), userId).AddAsync(userId, handle, delta));
    }

    public async Task RecordManyAsync(IReadOnlyList<ScoreDelta> deltas)
    {
        var season = await SeasonAsync();
        var byShard = new Dictionary<string, List<BoardEntry>>();
        foreach (var delta in deltas.Where(d => d.Delta > 0 && BoardCategories.All.Contains(d.Category)))
        {
            var entry = new BoardEntry(delta.UserId, await HandleOfAsync(delta.UserId), delta.Delta);
            foreach (var board in (string[])[BoardCategories.Board(delta.Category, "all"), BoardCategories.Board(delta.Category, $"season-{season.Number}")])
            {
                var key = BoardCategories.ShardKeyOf(board, delta.UserId);
                (byShard.TryGetValue(key, out var list) ? list : byShard[key] = []).Add(entry);
            }
        }

        await Task.WhenAll(byShard.Select(s => GrainFactory.Get<ILeaderboardShardGrain>(s.Key).AddManyAsync(s.Value)));
    }

    private async ValueTask<string> HandleOfAsync(string userId)
    {
        if (!_handles.TryGetValue(userId, out var handle))
        {
            handle = (await GrainFactory.Get<IUserGrain>(userId).GetProfileAsync())?.Handle ?? userId;
            if (_handles.Count > 10_000)
            {
                _handles.Clear();
            }

            _handles[userId] = handle;
        }

        return handle;
    }

    private async ValueTask<Season> SeasonAsync()
    {
        if (_season is null || time.GetUtcNow() - _seasonReadAt > SeasonCache)
        {
            _season = await GrainFactory.Get<ISeasonGrain>(0).CurrentAsync();
            _seasonReadAt = time.GetUtcNow();
        }

        return _season;
    }

    private ILeaderboardShardGrain Shard(string board, string userId) =>
        GrainFactory.Get<ILeaderboardShardGrain>(BoardCategories.ShardKeyOf(board, userId));
}
