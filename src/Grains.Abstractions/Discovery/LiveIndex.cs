using LiveStreamX.Discovery.Ranking;
using Orleans.Concurrency;

namespace LiveStreamX.Discovery;

/// <summary>
/// One shard of the set of streams live now (those whose id hashes to it) with their features as the ranker reads
/// them (category, tags, title terms, viewers and their velocity), kept by the streams' go-live and end
/// (persisted) with viewer counts refreshed as the streams announce them (memory). Key: the shard, 0 to
/// <see cref="LiveIndexShards.Count"/> - 1.
/// </summary>
[Alias("lsx.ILiveIndexGrain")]
public interface ILiveIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or updates a stream; a stream that is not live leaves the index.</summary>
    [Alias("Put")]
    Task PutAsync(Streams.StreamInfo stream);

    /// <summary>A stream's viewer count now; its velocity (viewers per minute) follows from the last counts.</summary>
    [Alias("UpdateViewers")]
    Task UpdateViewersAsync(string streamId, int count);

    /// <summary>The shard's live streams.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<LiveCandidate>> ListAsync();
}

/// <summary>How the live index is sharded.</summary>
public static class LiveIndexShards
{
    public const int Count = 16;

    public static int Of(string streamId) => (int)(Common.ShardHash.Of(streamId) % Count);
}
