namespace LiveStreamX.Streams;

/// <summary>The list of streams to browse, kept up to date by the stream grains. Key: 0.</summary>
[Alias("lsx.IStreamDirectoryGrain")]
public interface IStreamDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or updates a stream's entry.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(StreamInfo stream);

    /// <summary>Sets a stream's viewer count, kept in memory only: streams refresh it while they have viewers.</summary>
    [Alias("UpdateViewers")]
    Task UpdateViewersAsync(string streamId, int count);

    /// <summary>Streams, newest first, optionally of one status.</summary>
    [Alias("List")]
    Task<IReadOnlyList<StreamInfo>> ListAsync(StreamStatus? status);
}
