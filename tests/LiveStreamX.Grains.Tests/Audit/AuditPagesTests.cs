using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Grains.Audit;
using LiveStreamX.Grains.Tests.Persistence;
using LiveStreamX.Testing;
using static LiveStreamX.Grains.Tests.Audit.AuditEntries;

namespace LiveStreamX.Grains.Tests.Audit;

/// <summary>
/// A long audit log keeps only its newest page in its own state; full pages of written entries move to their own
/// grains and are read back in place. An entry a failed write takes back never reaches a page.
/// </summary>
public sealed class AuditPagesTests : FlakyClusterTests
{
    private const int PageSize = 8;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LSX:Audit:PageSize"] = PageSize.ToString(),
        ["LSX:Audit:MaxPagesPerQuery"] = "2",
    };

    [Fact]
    public async Task ALongLogMovesFullPagesOutOfItsStateAndReadsBackWhole()
    {
        var log = NewLog(Grains);
        var actor = TestIds.User();
        // In bursts, so appends share writes and pages fill while others are in flight.
        for (var burst = 0; burst < 10; burst++)
        {
            await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => log.AppendAsync(Entry(actor)))).WithTimeout();
        }

        await Timeouts.Eventually(
            async () => (await Storage.ReadAsync<AuditLogState>("audit", log.GetGrainId())).Tail.Length < PageSize,
            "the log's own state holds less than a page");
        var stored = await Storage.ReadAsync<AuditLogState>("audit", log.GetGrainId());
        var all = await ReadAllAsync(log, new AuditQuery(Limit: 5));

        Assert.Equal(70, stored.LastId);
        Assert.Equal(70 / PageSize, stored.SealedPages);
        Assert.Equal(Enumerable.Range(1, 70).Reverse().Select(n => (long)n), all.Select(r => r.Id));
    }

    [Fact]
    public async Task ANarrowFilterOverALongLogAnswersAShortPageAndWhereToGoOn()
    {
        var log = NewLog(Grains);
        var (rare, busy) = (TestIds.User(), TestIds.User());
        await log.AppendAsync(Entry(rare)).WithTimeout();
        for (var i = 0; i < 6 * PageSize; i++)
        {
            await log.AppendAsync(Entry(busy)).WithTimeout();
        }

        await Timeouts.Eventually(
            async () => (await Storage.ReadAsync<AuditLogState>("audit", log.GetGrainId())).SealedPages == 6,
            "six pages are sealed");
        var first = await log.QueryAsync(new AuditQuery(ActorId: rare)).WithTimeout();
        var all = await ReadAllAsync(log, new AuditQuery(ActorId: rare));

        // Two pages read per query (and the tail): the rare entry lies further back.
        Assert.Empty(first.Entries);
        Assert.Equal(4L * PageSize + 1, first.Next);
        Assert.Equal(1, Assert.Single(all).Id);
    }

    [Fact]
    public async Task AnEntryAFailedWriteTakesBackNeverReachesAPageAndItsIdGoesToTheNext()
    {
        var log = NewLog(Grains);
        var actor = TestIds.User();
        for (var i = 0; i < PageSize - 1; i++)
        {
            await log.AppendAsync(Entry(actor, "user-ban")).WithTimeout();
        }

        Storage.FailNextWrites(log.GetGrainId(), 1);
        var error = await Assert.ThrowsAsync<DomainException>(() => log.AppendAsync(Entry(actor, "user-timeout")).WithTimeout());
        for (var i = 0; i < PageSize + 1; i++)
        {
            await log.AppendAsync(Entry(actor, "user-unban")).WithTimeout();
        }

        await Timeouts.Eventually(
            async () => (await Storage.ReadAsync<AuditLogState>("audit", log.GetGrainId())).SealedPages == 2,
            "two pages are sealed");
        var all = await ReadAllAsync(log, new AuditQuery(Limit: 100));

        Assert.Equal(ErrorCodes.Unavailable, error.Code);
        Assert.Equal(Enumerable.Range(1, 2 * PageSize).Reverse().Select(n => (long)n), all.Select(r => r.Id));
        Assert.DoesNotContain(all, r => r.Entry.Action == "user-timeout");
        Assert.Equal("user-unban", all.Single(r => r.Id == PageSize).Entry.Action);
    }
}
