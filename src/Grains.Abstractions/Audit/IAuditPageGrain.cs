using Orleans.Concurrency;

namespace LiveStreamX.Audit;

/// <summary>
/// One sealed page of an audit log: written once (again only with the same entries), then only read, so a log's own
/// state stays one page long however long the log grows. Key: "{scope}/{page}"; page p holds ids p·size+1 … (p+1)·size.
/// </summary>
[Alias("lsx.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page; writing the same page again is harmless.</summary>
    [Alias("Write")]
    Task WriteAsync(AuditRecord[] entries);

    [Alias("Read"), ReadOnly]
    Task<AuditRecord[]> ReadAsync();
}
