namespace LiveStreamX.Grains.Vod;

/// <summary>
/// Where VOD files go (archived timelines, moment frames): the seam between the VOD feature and the media store.
/// Without blob storage configured, <see cref="IsConfigured"/> is false and the timeline is served from its grain.
/// </summary>
public interface IVodStorage
{
    bool IsConfigured { get; }

    /// <summary>Writes (or replaces) a file.</summary>
    Task WriteAsync(string name, Stream content, string contentType, string? contentEncoding, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when there is no such file.</summary>
    Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>A short-lived, read-only URL of a file for a browser.</summary>
    Uri ReadUrl(string name, TimeSpan lifetime);

    /// <summary>The file a location names (a name, or a URL into this store as LiveKit's egress reports it), or null.</summary>
    string? BlobOf(string location);
}

/// <summary>No blob storage: VODs replay their timeline from the grain, without a video or a timeline file.</summary>
public sealed class UnconfiguredVodStorage : IVodStorage
{
    public bool IsConfigured => false;

    public Task WriteAsync(string name, Stream content, string contentType, string? contentEncoding, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Blob storage is not configured.");

    public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

    public Uri ReadUrl(string name, TimeSpan lifetime) => throw new InvalidOperationException("Blob storage is not configured.");

    public string? BlobOf(string location) => null;
}
