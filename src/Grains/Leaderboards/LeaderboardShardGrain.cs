using LiveStreamX.Grains.Hosting;
using LiveStreamX.Leaderboards;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Leaderboards;

/// <summary>
/// One shard of a board. Scores change in memory at once and are written at most once a second: boards are
/// derived from ledgers and XP, so a crash costs at most a second of score, never money.
/// </summary>
public sealed class LeaderboardShardGrain(
    [PersistentState("board-shard", StorageNames.Default)] IPersistentState<LeaderboardShardState> shard,
    ILogger<LeaderboardShardGrain> logger) : Grain, ILeaderboardShardGrain
{
    private StoredState<LeaderboardShardState>? _save;

    private StoredState<LeaderboardShardState> Save =>
        _save ??= new(GrainContext, shard, "board-shard", logger, "The board could not be saved; try again.");

    public Task AddAsync(string userId, string handle, long delta)
    {
        var before = shard.State.Scores.GetValueOrDefault(userId)?.Score ?? 0;
        shard.State.Scores[userId] = new BoardEntry(userId, handle, before + delta);
        Save.Changed();
        return Task.CompletedTask;
    }

    public Task AddManyAsync(IReadOnlyList<BoardEntry> deltas)
    {
        foreach (var delta in deltas)
        {
            var before = shard.State.Scores.GetValueOrDefault(delta.UserId)?.Score ?? 0;
            shard.State.Scores[delta.UserId] = delta with { Score = before + delta.Score };
        }

        Save.Changed();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BoardEntry>> TopAsync(int n) =>
        Task.FromResult<IReadOnlyList<BoardEntry>>([.. shard.State.Scores.Values.Order(BoardOrder.Instance).Take(Math.Clamp(n, 1, 1000))]);

    public Task<BoardEntry?> GetAsync(string userId) => Task.FromResult(shard.State.Scores.GetValueOrDefault(userId));

    public Task<(long Before, IReadOnlyList<BoardEntry> Above, IReadOnlyList<BoardEntry> Below)> AroundAsync(BoardEntry entry, int neighbours)
    {
        var order = BoardOrder.Instance;
        var others = shard.State.Scores.Values.Where(e => e.UserId != entry.UserId).ToList();
        var above = others.Where(e => order.Compare(e, entry) < 0).ToList();
        IReadOnlyList<BoardEntry> nearestAbove = above.Order(order).TakeLast(neighbours).ToArray();
        IReadOnlyList<BoardEntry> nearestBelow = others.Where(e => order.Compare(e, entry) > 0).Order(order).Take(neighbours).ToArray();
        return Task.FromResult(((long)above.Count, nearestAbove, nearestBelow));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Save.FlushAsync(cancellationToken);
}

/// <summary>The scores of one board shard, by user id.</summary>
[GenerateSerializer, Alias("lsx.LeaderboardShardState")]
public sealed record LeaderboardShardState
{
    [Id(0)] public Dictionary<string, BoardEntry> Scores { get; init; } = [];
}
