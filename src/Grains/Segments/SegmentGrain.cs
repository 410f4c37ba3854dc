using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Progression;
using LiveStreamX.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Segments;

/// <summary>One uploaded clip's state machine, and the lease that keeps two workers from processing it at once.</summary>
// Non-reentrant: a claim and a renewal must see each other's lease.
public sealed class SegmentGrain(
    [PersistentState("segment", StorageNames.Default)] IPersistentState<SegmentState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, ISegmentGrain
{
    /// <summary>Claims before the segment fails as one no worker survives.</summary>
    public const int MaxAttempts = 3;

    private string Id => this.GetPrimaryKeyString();

    public async Task<Segment> CreateAsync(CreateSegment command)
    {
        if (state.State.Segment is not null)
        {
            throw new DomainException(ErrorCodes.Conflict, $"Segment '{Id}' exists already.");
        }

        var chunks = (int)((command.Size + command.ChunkSize - 1) / command.ChunkSize);
        var segment = new Segment(Id, command.OwnerId, command.Title, SegmentStatus.Uploading, SegmentContainer.Unknown, command.Size,
            command.ChunkSize, chunks, Progress: 0, FailureReason: null, DurationMs: null, Width: null, Height: null, time.GetUtcNow(), ReadyAt: null);
        state.State = new SegmentState { Segment = segment };
        await state.WriteStateAsync();
        return segment;
    }

    public Task<Segment?> GetAsync() => Task.FromResult(state.State.Segment);

    public async Task<Segment> SetContainerAsync(string ownerId, SegmentContainer container)
    {
        var segment = Owned(ownerId);
        if (segment.Status != SegmentStatus.Uploading)
        {
            throw new DomainException(ErrorCodes.Conflict, "This upload is complete already.");
        }

        if (segment.Container == container)
        {
            return segment;
        }

        if (segment.Container != SegmentContainer.Unknown)
        {
            throw new DomainException(ErrorCodes.UnsupportedMedia, "This chunk 0 is of another container than the first one sent.");
        }

        return await SaveAsync(segment with { Container = container });
    }

    public async Task<Segment> CompleteUploadAsync(string ownerId)
    {
        var segment = Owned(ownerId);
        if (segment.Status != SegmentStatus.Uploading)
        {
            return segment;
        }

        segment = await SaveAsync(segment with { Status = SegmentStatus.Processing, Progress = 0 });
        await GrainFactory.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).EnqueueAsync(Id);
        Tell(segment);
        return segment;
    }

    public async Task<Segment?> ClaimAsync(string workerId, TimeSpan lease)
    {
        var current = state.State;
        var now = time.GetUtcNow();
        if (current.Segment is not { Status: SegmentStatus.Processing } segment)
        {
            await GrainFactory.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).DoneAsync(Id);
            return null;
        }

        if (current.Worker is not null && current.Worker != workerId && current.LeaseUntil > now)
        {
            return null;
        }

        if (current.Attempts >= MaxAttempts)
        {
            await MarkFailedAsync(current.Worker ?? workerId, "Processing stopped every time it was tried; the file may be too large or damaged.");
            return null;
        }

        state.State = current with { Worker = workerId, LeaseUntil = now + lease, Attempts = current.Attempts + 1 };
        await state.WriteStateAsync();
        return segment;
    }

    public async Task<bool> ReportProgressAsync(string workerId, int percent, TimeSpan lease)
    {
        if (state.State is not { Segment.Status: SegmentStatus.Processing } current || current.Worker != workerId)
        {
            return false;
        }

        var segment = current.Segment with { Progress = Math.Clamp(percent, 0, 99) };
        state.State = current with { Segment = segment, LeaseUntil = time.GetUtcNow() + lease };
        await state.WriteStateAsync();
        Tell(segment);
        return true;
    }

    public async Task<Segment> MarkReadyAsync(string workerId, ProcessedSegment result)
    {
        var segment = Processing(workerId);
        segment = await SaveAsync(segment with
        {
            Status = SegmentStatus.Ready,
            Progress = 100,
            DurationMs = result.DurationMs,
            Width = result.Width,
            Height = result.Height,
            ReadyAt = time.GetUtcNow(),
        });
        await GrainFactory.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).DoneAsync(Id);
        Tell(segment);
        return segment;
    }

    public async Task<Segment> MarkFailedAsync(string workerId, string reason)
    {
        var segment = Processing(workerId);
        segment = await SaveAsync(segment with { Status = SegmentStatus.Failed, FailureReason = reason });
        await GrainFactory.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).DoneAsync(Id);
        Tell(segment);
        return segment;
    }

    public async Task DeleteAsync(string ownerId)
    {
        Owned(ownerId);
        await state.ClearStateAsync();
        state.State = new SegmentState();
        await GrainFactory.Get<ISegmentWorkGrain>(ISegmentWorkGrain.Key).DoneAsync(Id);
    }

    private Segment Owned(string ownerId) =>
        state.State.Segment is { } segment && segment.OwnerId == ownerId
            ? segment
            : throw DomainException.NotFound($"You have no segment '{Id}'.");

    private Segment Processing(string workerId) =>
        state.State is { Segment: { Status: SegmentStatus.Processing } segment } current && current.Worker == workerId
            ? segment
            : throw new DomainException(ErrorCodes.Conflict, $"Worker '{workerId}' does not hold segment '{Id}'.");

    private async Task<Segment> SaveAsync(Segment segment)
    {
        state.State = state.State with { Segment = segment };
        await state.WriteStateAsync();
        return segment;
    }

    // Best effort: the state it announces is saved, and the owner's list reads it.
    private void Tell(Segment segment) =>
        GrainFactory.Get<IUserEventsGrain>(segment.OwnerId).PublishAsync(new SegmentProcessing
        {
            UserId = segment.OwnerId,
            At = time.GetUtcNow(),
            SegmentId = segment.Id,
            Status = segment.Status,
            Progress = segment.Progress,
            FailureReason = segment.FailureReason,
        }).Ignore();
}
