using LiveStreamX.Audit;
using LiveStreamX.Grains.Hosting;

namespace LiveStreamX.Grains.Audit;

/// <summary>One sealed page of an audit log; written once (again only with the same entries), then only read.</summary>
public sealed class AuditPageGrain(
    [PersistentState("audit-page", StorageNames.Default)] IPersistentState<AuditPageState> page) : Grain, IAuditPageGrain
{
    public async Task WriteAsync(AuditRecord[] entries)
    {
        // A log seals only written entries, whose ids are never reused: a second write of a page is a retry.
        if (page.RecordExists && page.State.Entries.Length == entries.Length)
        {
            return;
        }

        page.State = new AuditPageState { Entries = entries };
        await page.WriteStateAsync();
    }

    public Task<AuditRecord[]> ReadAsync() => Task.FromResult(page.State.Entries);
}
