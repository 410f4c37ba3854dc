using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Media;
using LiveStreamX.Segments;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Segments;

/// <summary>
/// A live stream's segment queue. A one-shot grain timer wakes it when the clip playing ends or a scheduled entry is
/// due; a reminder, kept while anything plays or waits, brings it back on another silo if this one dies, and the
/// persisted schedule tells it where it was. Clips start <see cref="LeadTime"/> after they are announced, so every
/// player has loaded the first frames when the shared start time comes.
/// </summary>
// Non-reentrant: the queue and the clip playing change one call (or timer tick) at a time.
public sealed partial class StreamSegmentsGrain(
    [PersistentState("streamSegments", StorageNames.Default)] IPersistentState<StreamSegmentsState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    IMediaStore media,
    ILogger<StreamSegmentsGrain> logger) : Grain, IStreamSegmentsGrain, IRemindable
{
    /// <summary>Between the announcement and the shared start: time for every player to fetch the first frames.</summary>
    public static readonly TimeSpan LeadTime = TimeSpan.FromMilliseconds(1500);

    /// <summary>How far ahead an entry may be scheduled.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(1);

    // A player must still reach the clip when it seeks near its end or a late joiner comes in.
    private static readonly TimeSpan UrlSlack = TimeSpan.FromMinutes(30);
    private const string ReminderName = "segments";

    // A VOD replays at most this many clips of one stream (about a day of one-minute clips).
    private const int MaxPlayed = 2000;

    private IGrainTimer? _wake;

    private string StreamId => this.GetPrimaryKeyString();

    private IStreamGrain Stream => GrainFactory.Get<IStreamGrain>(StreamId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await AdvanceAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => AdvanceAsync();

    public async Task<SegmentQueue> EnqueueAsync(Actor actor, QueueSegment request)
    {
        var stream = await AuthorizeAsync(actor);
        if (stream.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Segments play in a live stream.");
        }

        if (!SegmentKeys.IsValidId(request.SegmentId)
            || await GrainFactory.Get<ISegmentGrain>(request.SegmentId).GetAsync() is not { } segment
            || segment.OwnerId != stream.CreatorId)
        {
            throw DomainException.NotFound($"The stream's creator has no segment '{request.SegmentId}'.");
        }

        if (segment.Status != SegmentStatus.Ready || segment.DurationMs is not { } duration)
        {
            throw new DomainException(ErrorCodes.SegmentNotReady, $"Segment '{segment.Id}' is {segment.Status.ToString().ToLowerInvariant()}, not ready to play.");
        }

        var now = time.GetUtcNow();
        if (request.At is { } at && (at < now.AddMinutes(-1) || at > now + MaxScheduleAhead))
        {
            throw DomainException.InvalidInput("at", "A segment is scheduled from now to 24 hours ahead.");
        }

        if (state.State.Waiting.Count >= IStreamSegmentsGrain.MaxEntries)
        {
            throw new DomainException(ErrorCodes.Conflict, $"{IStreamSegmentsGrain.MaxEntries} segments wait already.");
        }

        var entry = new SegmentQueueEntry("qe_" + Guid.NewGuid().ToString("N")[..12], segment.Id, segment.Title, duration, request.At, now);
        state.State = state.State with { Waiting = [.. state.State.Waiting, entry] };
        await state.WriteStateAsync();
        await AdvanceAsync();
        return View();
    }

    public async Task<SegmentQueue> RemoveAsync(Actor actor, string entryId)
    {
        await AuthorizeAsync(actor);
        if (state.State.Playing is { } playing && playing.EntryId == entryId)
        {
            await EndAsync(playing, SegmentEndReason.Removed);
        }
        else if (state.State.Waiting.Any(e => e.EntryId == entryId))
        {
            state.State = state.State with { Waiting = [.. state.State.Waiting.Where(e => e.EntryId != entryId)] };
            await state.WriteStateAsync();
        }
        else
        {
            throw DomainException.NotFound($"Nothing in the queue is '{entryId}'.");
        }

        await AdvanceAsync();
        return View();
    }

    public async Task<SegmentQueue> ReorderAsync(Actor actor, IReadOnlyList<string> entryIds)
    {
        await AuthorizeAsync(actor);
        var waiting = state.State.Waiting.ToDictionary(e => e.EntryId);
        if (entryIds.Count != waiting.Count || entryIds.Distinct().Count() != entryIds.Count || !entryIds.All(waiting.ContainsKey))
        {
            throw DomainException.InvalidInput("entryIds", "Send every waiting entry's id, each once, in the new order.");
        }

        state.State = state.State with { Waiting = [.. entryIds.Select(id => waiting[id])] };
        await state.WriteStateAsync();
        await AdvanceAsync();
        return View();
    }

    public Task<SegmentQueue> GetAsync() => Task.FromResult(View());

    public Task<IReadOnlyList<PlayedSegment>> GetPlayedAsync() => Task.FromResult(state.State.Played);

    private SegmentQueue View() =>
        new(state.State.Playing is { } playing && playing.EndsAt > time.GetUtcNow() ? playing : null, state.State.Waiting);

    private async Task<StreamInfo> AuthorizeAsync(Actor actor)
    {
        var stream = await Stream.GetAsync() ?? throw DomainException.NotFound($"There is no stream '{StreamId}'.");
        if (!actor.IsAdmin && actor.UserId != stream.CreatorId)
        {
            throw DomainException.Forbidden("Only the stream's creator (or an admin) runs its segments.");
        }

        return stream;
    }

    /// <summary>Ends the clip that is over, starts the next one due, and sets the timer and reminder for what comes after.</summary>
    private async Task AdvanceAsync()
    {
        var now = time.GetUtcNow();
        if (state.State.Playing is { } playing && playing.EndsAt <= now)
        {
            await EndAsync(playing, SegmentEndReason.Finished);
        }

        if (state.State.Playing is not null || state.State.Waiting.Count > 0)
        {
            var stream = await Stream.GetAsync();
            if (stream?.Status != StreamStatus.Live)
            {
                if (state.State.Playing is { } cut)
                {
                    await EndAsync(cut, SegmentEndReason.StreamEnded);
                }

                state.State = state.State with { Waiting = [] };
                await state.WriteStateAsync();
            }
        }

        while (state.State.Playing is null && state.State.Waiting.FirstOrDefault(e => e.At is null || e.At <= now) is { } next)
        {
            state.State = state.State with { Waiting = [.. state.State.Waiting.Where(e => e.EntryId != next.EntryId)] };
            await StartAsync(next, now);
        }

        // Only changes are written: an activation that finds nothing to do (a refused request's) stores nothing.
        await ScheduleAsync(now);
    }

    private async Task StartAsync(SegmentQueueEntry entry, DateTimeOffset now)
    {
        // Deleted or replaced since it was queued: skipped.
        if (await GrainFactory.Get<ISegmentGrain>(entry.SegmentId).GetAsync() is not { Status: SegmentStatus.Ready, DurationMs: { } duration } segment)
        {
            LogSkipped(logger, StreamId, entry.SegmentId);
            await state.WriteStateAsync();
            return;
        }

        var started = new SegmentStarted
        {
            StreamId = StreamId,
            SegmentId = segment.Id,
            EntryId = entry.EntryId,
            Title = segment.Title,
            Url = media.ReadUrl(SegmentKeys.Rendition(segment.Id), TimeSpan.FromMilliseconds(duration) + LeadTime + UrlSlack).ToString(),
            StartedAt = now + LeadTime,
            DurationMs = duration,
        };
        state.State = state.State with
        {
            Playing = started,
            Played = [.. state.State.Played.TakeLast(MaxPlayed - 1), new PlayedSegment(segment.Id, segment.Title, started.StartedAt, duration)],
        };
        await state.WriteStateAsync();
        await Stream.AppendAsync(started);
    }

    private async Task EndAsync(SegmentStarted playing, SegmentEndReason reason)
    {
        var played = state.State.Played;
        if (reason != SegmentEndReason.Finished && played.Count > 0 && played[^1].StartedAt == playing.StartedAt)
        {
            // Cut short: the VOD plays only what viewers saw.
            var seen = Math.Clamp((long)(time.GetUtcNow() - playing.StartedAt).TotalMilliseconds, 0, playing.DurationMs);
            played = [.. played.SkipLast(1), played[^1] with { PlayedMs = seen }];
        }

        state.State = state.State with { Playing = null, Played = played };
        await state.WriteStateAsync();
        await Stream.AppendAsync(new SegmentEnded { StreamId = StreamId, SegmentId = playing.SegmentId, EntryId = playing.EntryId, Reason = reason });
    }

    private async Task ScheduleAsync(DateTimeOffset now)
    {
        _wake?.Dispose();
        _wake = null;
        var wake = state.State.Playing?.EndsAt ?? state.State.Waiting.Where(e => e.At is not null).Min(e => e.At);
        if (wake is { } at)
        {
            var due = at - now;
            _wake = this.RegisterGrainTimer(AdvanceAsync, new GrainTimerCreationOptions
            {
                DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = true,
            });
        }

        var busy = state.State.Playing is not null || state.State.Waiting.Count > 0;
        var reminder = await this.GetReminder(ReminderName);
        if (busy && reminder is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (!busy && reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId} skipped segment {SegmentId}: it is no longer ready")]
    private static partial void LogSkipped(ILogger logger, string streamId, string segmentId);
}
