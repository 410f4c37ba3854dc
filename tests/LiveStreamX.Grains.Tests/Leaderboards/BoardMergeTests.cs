using LiveStreamX.Leaderboards;

namespace LiveStreamX.Grains.Tests.Leaderboards;

public sealed class BoardMergeTests
{
    [Fact]
    public void HigherScoresComeFirstAndTiesGoByUserId()
    {
        BoardEntry[] entries = [new("u_b", "bob", 50), new("u_a", "ann", 50), new("u_c", "cid", 70)];
        Assert.Equal(["u_c", "u_a", "u_b"], entries.Order(BoardOrder.Instance).Select(e => e.UserId));
    }

    [Fact]
    public void MergingShardTopsEqualsSortingEveryEntryOnRandomData()
    {
        var random = new Random(20261124);
        for (var round = 0; round < 200; round++)
        {
            var shards = random.Next(1, 17);
            var n = random.Next(1, 60);
            var everyone = Enumerable.Range(0, random.Next(0, 400))
                .Select(i => new BoardEntry($"u_{random.Next(100_000):x5}_{i}", "h", random.Next(0, 30)))
                .ToList();
            var byShard = everyone.GroupBy(e => BoardCategories.ShardOf(e.UserId) % shards)
                .Select(g => (IReadOnlyList<BoardEntry>)[.. g.Order(BoardOrder.Instance).Take(n)]);

            var merged = BoardOrder.Merge(byShard, n);
            var sorted = everyone.Order(BoardOrder.Instance).Take(n).ToList();
            Assert.Equal(sorted, merged);
        }
    }
}
