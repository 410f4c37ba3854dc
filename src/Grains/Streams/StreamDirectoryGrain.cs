using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

/// <summary>
/// The browse list. One activation holds every stream's summary; when that outgrows a grain it shards by
/// category or by hash of the id, with the Api merging the shards' pages.
/// </summary>
public sealed class StreamDirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<StreamDirectoryState> directory)
    : Grain, IStreamDirectoryGrain
{
    private const int MaxListed = 500;
    private readonly Dictionary<string, int> _viewers = [];

    public async Task UpsertAsync(StreamInfo stream)
    {
        directory.State.Streams[stream.Id] = stream with { ViewerCount = 0 };
        await directory.WriteStateAsync();
    }

    public Task UpdateViewersAsync(string streamId, int count)
    {
        _viewers[streamId] = count;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StreamInfo>> ListAsync(StreamStatus? status)
    {
        IReadOnlyList<StreamInfo> list = directory.State.Streams.Values
            .Where(s => status is null || s.Status == status)
            .OrderByDescending(s => s.StartedAt ?? s.CreatedAt)
            .Take(MaxListed)
            .Select(s => s with { ViewerCount = _viewers.GetValueOrDefault(s.Id) })
            .ToList();
        return Task.FromResult(list);
    }
}
