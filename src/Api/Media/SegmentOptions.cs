using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Api.Media;

/// <summary>Uploads and processing of pre-recorded segments. Section <c>LSX:Segments</c>.</summary>
public sealed class SegmentOptions
{
    public const string Section = "LSX:Segments";

    public const long DefaultMaxUploadBytes = 2L * 1024 * 1024 * 1024;
    public const int DefaultChunkBytes = 8 * 1024 * 1024;
    public const int MinChunkBytes = 64 * 1024;

    /// <summary>The most a chunk may be: well under Kestrel's request body limit.</summary>
    public const int MaxChunkBytes = 16 * 1024 * 1024;

    /// <summary>The largest file a creator may upload.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>The chunk size an upload gets when its client does not ask for one.</summary>
    [Range(MinChunkBytes, MaxChunkBytes)]
    public int ChunkBytes { get; set; } = DefaultChunkBytes;

    /// <summary>Whether this node processes uploads (the worker); any number of nodes may, each segment is processed once.</summary>
    public bool Worker { get; set; } = true;

    /// <summary>How often an idle worker looks for uploads completed on other nodes.</summary>
    [Range(1, 300)]
    public int WorkerPollSeconds { get; set; } = 2;

    /// <summary>How long a worker holds a segment without reporting progress before another may take it over.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>The longest clip taken, in seconds.</summary>
    [Range(1, 86400)]
    public int MaxDurationSeconds { get; set; } = 3 * 3600;

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";
}
