namespace LiveStreamX.Media;

/// <summary>
/// Where media objects live: uploaded clips, their renditions and thumbnails, VOD archives. Keys are paths of lower-case
/// segments (<c>segments/s_ab12/source</c>, see <see cref="MediaKey"/>). Azure Blob Storage in production
/// (<see cref="BlobMediaStore"/>), a local folder for the one-command development run (<see cref="LocalMediaStore"/>).
/// </summary>
public interface IMediaStore
{
    /// <summary>"blob" or "local", for logs and the README's "what runs where".</summary>
    string Kind { get; }

    /// <summary>Stages block <paramref name="index"/> of an object written in parts; staging the same index again replaces it.</summary>
    Task StageBlockAsync(string key, int index, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The indexes of the blocks staged for <paramref name="key"/> and not yet committed, in ascending order.</summary>
    Task<IReadOnlyList<int>> StagedBlocksAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Makes the object from its staged <paramref name="blocks"/>, in that order; the staged blocks are gone after.</summary>
    /// <exception cref="MediaStoreException">A block in the list was never staged.</exception>
    Task CommitBlocksAsync(string key, IReadOnlyList<int> blocks, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole object at once, replacing any object of that key.</summary>
    Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Size and content type of an object, or null when there is none.</summary>
    Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Reads an object from <paramref name="offset"/> on (<paramref name="length"/> bytes at most when given).</summary>
    /// <exception cref="MediaStoreException">There is no such object.</exception>
    Task<Stream> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object and any blocks staged for it; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL a browser may read the object at (with range requests) until <paramref name="lifetime"/> has passed: a
    /// read-only SAS URL for blobs, a signed path of the Api for the local store. Never a credential beyond that.
    /// </summary>
    Uri ReadUrl(string key, TimeSpan lifetime);
}

/// <summary>What the store knows of one object.</summary>
public sealed record MediaObject(string Key, long Length, string ContentType);

/// <summary>A store operation that cannot succeed as asked (a missing object or block); not a transient failure.</summary>
public sealed class MediaStoreException(string message, Exception? inner = null) : Exception(message, inner);
