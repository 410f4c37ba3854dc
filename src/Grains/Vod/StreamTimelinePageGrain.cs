using LiveStreamX.Grains.Hosting;
using LiveStreamX.Vod;

namespace LiveStreamX.Grains.Vod;

/// <summary>One sealed page of a timeline; written once (again only as a retry of the same entries), then read.</summary>
public sealed class StreamTimelinePageGrain(
    [PersistentState("timeline-page", StorageNames.Default)] IPersistentState<StreamTimelinePageState> page) : Grain, IStreamTimelinePageGrain
{
    public async Task WriteAsync(TimelineEntry[] entries)
    {
        page.State = new StreamTimelinePageState { Entries = entries };
        await page.WriteStateAsync();
    }

    public Task<TimelineEntry[]> ReadAsync() => Task.FromResult(page.State.Entries);
}
