using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Testing;
using static LiveStreamX.Grains.Tests.Audit.AuditEntries;

namespace LiveStreamX.Grains.Tests.Audit;

[Collection(ClusterCollection.Name)]
public sealed class AuditLogTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AppendedEntriesAreReadBackNewestFirstWithTheirIdsAndTime()
    {
        var log = NewLog(Grains);
        var actor = TestIds.User();
        for (var i = 0; i < 3; i++)
        {
            var record = await log.AppendAsync(Entry(actor)).WithTimeout();
            Assert.Equal(i + 1, record.Id);
        }

        var page = await log.QueryAsync(new AuditQuery()).WithTimeout();

        Assert.Equal([3L, 2L, 1L], page.Entries.Select(r => r.Id));
        Assert.Null(page.Next);
        Assert.All(page.Entries, r => Assert.Equal(fixture.Clock.GetUtcNow(), r.Entry.At));
        Assert.All(page.Entries, r => Assert.Equal(actor, r.Entry.ActorId));
    }

    [Fact]
    public async Task AnEntryNamingACreatorIsAlsoKeptInTheCreatorsLog()
    {
        var (actor, creator, stream) = (TestIds.User(), TestIds.User(), TestIds.Stream());

        await Grains.GetGrain<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(Entry(actor, "chat-delete", creator, stream)).WithTimeout();

        var platform = await Grains.GetGrain<IAuditLogGrain>(AuditScopes.Platform).QueryAsync(new AuditQuery(ActorId: actor)).WithTimeout();
        var own = await Grains.GetGrain<IAuditLogGrain>(AuditScopes.Creator(creator)).QueryAsync(new AuditQuery()).WithTimeout();
        Assert.Equal("chat-delete", Assert.Single(platform.Entries).Entry.Action);
        Assert.Equal(platform.Entries[0].Entry, Assert.Single(own.Entries).Entry);
        Assert.Equal(stream, own.Entries[0].Entry.StreamId);
    }

    [Fact]
    public async Task FiltersAndPagesReturnEachMatchingEntryOnceNewestFirst()
    {
        var log = NewLog(Grains);
        var (ada, bob, stream) = (TestIds.User(), TestIds.User(), TestIds.Stream());
        for (var i = 0; i < 30; i++)
        {
            await log.AppendAsync(Entry(i % 2 == 0 ? ada : bob, i % 3 == 0 ? "user-timeout" : "user-ban", streamId: i < 10 ? stream : null)).WithTimeout();
        }

        var adas = await ReadAllAsync(log, new AuditQuery(ActorId: ada, Limit: 4));
        var timeouts = await ReadAllAsync(log, new AuditQuery(Action: "user-timeout", Limit: 3));
        var adasInStream = await ReadAllAsync(log, new AuditQuery(ActorId: ada, StreamId: stream, Limit: 2));
        var one = (await log.QueryAsync(new AuditQuery(ActorId: bob, Limit: 1)).WithTimeout()).Entries.Single();
        var target = await log.QueryAsync(new AuditQuery(TargetUserId: one.Entry.TargetUserId)).WithTimeout();

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 2 == 0).Reverse().Select(i => i + 1L), adas.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 == 0).Reverse().Select(i => i + 1L), timeouts.Select(r => r.Id));
        Assert.Equal([9L, 7L, 5L, 3L, 1L], adasInStream.Select(r => r.Id));
        Assert.Equal(30, one.Id);
        Assert.Equal(one, Assert.Single(target.Entries));
    }

    [Fact]
    public async Task EntriesOutliveTheLogsActivation()
    {
        var log = NewLog(Grains);
        var actor = TestIds.User();
        await log.AppendAsync(Entry(actor, "role-change")).WithTimeout();

        await fixture.Cluster.DeactivateAsync(log).WithTimeout();
        var next = await log.AppendAsync(Entry(actor, "account-suspend")).WithTimeout();
        var page = await log.QueryAsync(new AuditQuery()).WithTimeout();

        Assert.Equal(2, next.Id);
        Assert.Equal(["account-suspend", "role-change"], page.Entries.Select(r => r.Entry.Action));
    }

    [Theory]
    [InlineData("", "user-ban", null, "actorId")]
    [InlineData("u_1", "User Ban!", null, "action")]
    [InlineData("u_1", "-ban", null, "action")]
    [InlineData("u_1", "user-ban", 501, "reason")]
    public async Task AMalformedEntryIsRefusedAndChangesNothing(string actorId, string action, int? reasonLength, string field)
    {
        var log = NewLog(Grains);
        var entry = Entry(TestIds.User()) with { ActorId = actorId, Action = action };
        if (reasonLength is { } length)
        {
            entry = entry with { Reason = new string('x', length) };
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => log.AppendAsync(entry).WithTimeout());

        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Contains(field, error.Errors!.Keys);
        Assert.Empty((await log.QueryAsync(new AuditQuery()).WithTimeout()).Entries);
    }

    [Fact]
    public async Task TextsAreCleanedBeforeTheyAreStored()
    {
        var log = NewLog(Grains);
        var entry = Entry(TestIds.User()) with { Reason = "  spam\u202E\u0007 ", Target = "   " };

        var record = await log.AppendAsync(entry).WithTimeout();

        Assert.Equal("spam", record.Entry.Reason);
        Assert.Null(record.Entry.Target);
    }
}
