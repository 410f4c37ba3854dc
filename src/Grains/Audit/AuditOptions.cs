using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Audit;

/// <summary>The audit log's settings. Section <c>LSX:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "LSX:Audit";

    /// <summary>Entries a log keeps in its own state; full pages of this size move to their own grains.</summary>
    [Range(8, 4096)]
    public int PageSize { get; set; } = 100;

    /// <summary>Sealed pages one query reads at most: a narrow filter over a long log answers a short page and a
    /// <c>next</c> to go on from, instead of reading the whole log in one call.</summary>
    [Range(1, 1000)]
    public int MaxPagesPerQuery { get; set; } = 20;
}
