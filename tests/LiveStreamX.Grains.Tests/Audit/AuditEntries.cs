using LiveStreamX.Audit;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Audit;

/// <summary>Audit entries and logs for tests: a random scope per test, so logs never mix.</summary>
internal static class AuditEntries
{
    public static IAuditLogGrain NewLog(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(AuditScopes.Creator(TestIds.User()));

    public static AuditEntry Entry(string actorId, string action = "user-ban", string? creatorId = null, string? streamId = null) =>
        new(actorId, "mod_" + actorId[^4..], action, TestIds.User(), null, streamId, creatorId, "spam", default);

    /// <summary>Every entry the query matches, following <see cref="AuditPage.Next"/> to the end.</summary>
    public static async Task<List<AuditRecord>> ReadAllAsync(IAuditLogGrain log, AuditQuery query)
    {
        var all = new List<AuditRecord>();
        for (long? before = null; ;)
        {
            var page = await log.QueryAsync(query with { Before = before }).WithTimeout();
            all.AddRange(page.Entries);
            if (page.Next is null)
            {
                return all;
            }

            Assert.True(page.Next < (before ?? long.MaxValue), "each page goes further back");
            before = page.Next;
        }
    }
}
