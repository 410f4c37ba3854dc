using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Segments;

namespace LiveStreamX.Grains.Segments;

/// <summary>A creator's segment ids, newest first.</summary>
// Non-reentrant: the limit is checked and the id added in one turn.
public sealed class SegmentLibraryGrain(
    [PersistentState("segmentLibrary", StorageNames.Default)] IPersistentState<SegmentLibraryState> state) : Grain, ISegmentLibraryGrain
{
    public async Task AddAsync(string segmentId)
    {
        var segments = state.State.Segments;
        if (segments.Contains(segmentId))
        {
            return;
        }

        if (segments.Count >= ISegmentLibraryGrain.MaxSegments)
        {
            throw new DomainException(ErrorCodes.Conflict, $"You keep {ISegmentLibraryGrain.MaxSegments} segments at most: delete one first.");
        }

        state.State = new SegmentLibraryState { Segments = [segmentId, .. segments] };
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string segmentId)
    {
        if (state.State.Segments.Contains(segmentId))
        {
            state.State = new SegmentLibraryState { Segments = [.. state.State.Segments.Where(s => s != segmentId)] };
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult(state.State.Segments);
}

/// <summary>The cluster's segments waiting for a worker; the claim itself is the segment grain's.</summary>
// Non-reentrant: adds and removals are a handful per upload.
public sealed class SegmentWorkGrain(
    [PersistentState("segmentWork", StorageNames.Default)] IPersistentState<SegmentWorkState> state) : Grain, ISegmentWorkGrain
{
    public async Task EnqueueAsync(string segmentId)
    {
        if (!state.State.Pending.Contains(segmentId))
        {
            state.State = new SegmentWorkState { Pending = [.. state.State.Pending, segmentId] };
            await state.WriteStateAsync();
        }
    }

    public async Task DoneAsync(string segmentId)
    {
        if (state.State.Pending.Contains(segmentId))
        {
            state.State = new SegmentWorkState { Pending = [.. state.State.Pending.Where(s => s != segmentId)] };
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> PendingAsync() => Task.FromResult(state.State.Pending);
}
