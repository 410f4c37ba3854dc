using LiveStreamX.Gifts;
using LiveStreamX.Leaderboards;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Leaderboards;

[Collection(ClusterCollection.Name)]
public sealed class LeaderboardTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AShardedBoardRanksUsersWithTheirNeighbours()
    {
        var board = Grains.GetGrain<ILeaderboardGrain>("test:" + Guid.NewGuid().ToString("N")[..8]);
        var users = Enumerable.Range(0, 40).Select(i => ($"u_{i:D3}", (long)(i * 10))).ToList();
        foreach (var (user, score) in users)
        {
            await board.AddAsync(user, user, score).WithTimeout();
        }

        await board.AddAsync("u_000", "u_000", 5).WithTimeout();
        // Adds reach the shards one-way, each shard in its own order: wait for all of them, not just the top one.
        await Timeouts.Eventually(
            async () => await board.TopAsync(100) is { Count: 40 } all && all.Single(e => e.UserId == "u_000").Score == 5,
            "every score is in");
        var top = await board.TopAsync(3).WithTimeout();
        Assert.Equal(["u_039", "u_038", "u_037"], top.Select(e => e.UserId));

        var rank = await board.RankAsync("u_030", 2).WithTimeout();
        Assert.Equal(10, rank!.Rank);
        Assert.Equal(["u_032", "u_031"], rank.Above.Select(e => e.UserId));
        Assert.Equal(["u_029", "u_028"], rank.Below.Select(e => e.UserId));
        Assert.Null(await board.RankAsync("u_nobody", 2));
    }

    [Fact]
    public async Task GiftsCountOnTheGiftersBoardsAndTheSeasonRollsOverWithItsStandingsArchived()
    {
        var seasons = Grains.GetGrain<ISeasonGrain>(0);
        var season = await seasons.CurrentAsync().WithTimeout();
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).GrantAsync(100_000, LedgerKind.Grant, "test", Actors.Key());
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), "galaxy", 10, Actors.Key())).WithTimeout();

        var seasonBoard = Grains.GetGrain<ILeaderboardGrain>(BoardCategories.Board(BoardCategories.Gifters, $"season-{season.Number}"));
        await Timeouts.Eventually(async () => (await seasonBoard.RankAsync(viewer.UserId, 0))?.Entry.Score == 50_000, "the gift counts this season");
        Assert.Equal(1, (await seasonBoard.RankAsync(viewer.UserId, 0))!.Rank);
        Assert.Equal(viewer.Handle, (await seasonBoard.TopAsync(1))[0].Handle);

        Assert.Equal(season, await seasons.RollOverIfDueAsync().WithTimeout());
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        var next = await seasons.RollOverIfDueAsync().WithTimeout();
        Assert.Equal(season.Number + 1, next.Number);
        Assert.Equal(season.EndsAt, next.StartsAt);

        var archived = await seasons.ArchivedAsync(season.Number).WithTimeout();
        Assert.Equal(viewer.UserId, archived!.Boards[BoardCategories.Gifters][0].UserId);
        Assert.Null(await Grains.GetGrain<ILeaderboardGrain>(BoardCategories.Board(BoardCategories.Gifters, $"season-{next.Number}")).RankAsync(viewer.UserId, 0));
        Assert.NotNull(await Grains.GetGrain<ILeaderboardGrain>(BoardCategories.Board(BoardCategories.Gifters, "all")).RankAsync(viewer.UserId, 0));
    }
}
