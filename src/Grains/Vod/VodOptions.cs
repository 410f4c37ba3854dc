using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Grains.Vod;

/// <summary>Stream timelines and VODs. Section <c>LSX:Vod</c>.</summary>
public sealed class VodOptions
{
    public const string Section = "LSX:Vod";

    public const int DefaultPageSize = 500;

    /// <summary>Timeline entries in one sealed page (one storage record), and so in a timeline's head at most.</summary>
    [Range(10, 10_000)]
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>Sealed pages one read looks back through for a seek's context (last chat lines, poll, mood…).</summary>
    [Range(1, 1000)]
    public int MaxContextPages { get; set; } = 20;

    /// <summary>How long a read URL handed to a browser (a recording, a timeline file) lasts.</summary>
    [Range(1, 1440)]
    public int ReadUrlMinutes { get; set; } = 60;
}
