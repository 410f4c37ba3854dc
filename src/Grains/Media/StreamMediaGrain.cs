using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Media;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Media;

/// <summary>
/// A stream's live media, driven by LiveKit's webhooks: the creator publishing takes the stream live, the room
/// finishing or the creator staying away past the grace period ends it, a finished recording archives it. The grace
/// period is a persisted deadline with a timer for the exact moment and a reminder that wakes the grain wherever it
/// lives if its silo goes away first.
/// </summary>
// Non-reentrant: an event's id check, its effect on the stream and the write that remembers it are one unit, so
// the same event handed over by two Api nodes at once is applied once.
public sealed partial class StreamMediaGrain(
    [PersistentState("stream-media", StorageNames.Default)] IPersistentState<StreamMediaState> media,
    IGrainContext grainContext,
    IOptions<MediaOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<StreamMediaGrain> logger) : Grain, IStreamMediaGrain, IRemindable
{
    private const string GraceReminder = "media-grace";
    private readonly StoredState<StreamMediaState> _state = new(grainContext, media, "stream-media", logger, "The stream's media state could not be saved; try again.");
    private readonly MediaOptions _options = options.Value;
    private HashSet<string> _applied = [];
    private IGrainTimer? _graceTimer;

    private string Id => this.GetPrimaryKeyString();

    private IStreamGrain Stream => GrainFactory.Get<IStreamGrain>(Id);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _applied = [.. _state.State.AppliedEventIds];
        if (_state.State.GraceEndsAt is { } endsAt)
        {
            ArmGraceTimer(endsAt);
        }

        return Task.CompletedTask;
    }

    public async Task<MediaEventOutcome> ApplyAsync(MediaEvent e)
    {
        if (string.IsNullOrEmpty(e.Id))
        {
            throw DomainException.InvalidInput("id", "A webhook event has an id.");
        }

        if (_applied.Contains(e.Id))
        {
            return MediaEventOutcome.Duplicate;
        }

        var info = await Stream.GetAsync() ?? throw DomainException.NotFound($"There is no stream '{Id}'.");
        var byCreator = MediaIdentity.IsCreator(e.ParticipantIdentity, info.CreatorId);
        var before = _state.State;
        var next = (e.Kind, byCreator) switch
        {
            (MediaEventKind.TrackPublished or MediaEventKind.ParticipantJoined, true) => before with { CreatorPresent = true, GraceEndsAt = null },
            (MediaEventKind.ParticipantLeft, true) => before with
            {
                CreatorPresent = false,
                GraceEndsAt = info.Status == StreamStatus.Live ? time.GetUtcNow().AddSeconds(_options.CreatorGraceSeconds) : null,
            },
            (MediaEventKind.RoomFinished, _) => before with { CreatorPresent = false, GraceEndsAt = null },
            (MediaEventKind.EgressEnded, _) when e.Recording is not null => before with { Recording = e.Recording },
            _ => null,
        };
        if (next is null)
        {
            return MediaEventOutcome.Ignored;
        }

        // The stream moves first: if the write below fails, LiveKit's retry finds the stream already moved and
        // moves it no further (each move checks where the stream is).
        if (e.Kind == MediaEventKind.TrackPublished && byCreator && info.Status == StreamStatus.Scheduled)
        {
            info = await MoveAsync(info, StreamStatus.Live);
        }
        else if (e.Kind == MediaEventKind.RoomFinished && info.Status == StreamStatus.Live)
        {
            info = await MoveAsync(info, StreamStatus.Ended);
        }

        info = await ArchiveIfRecordedAsync(info, next);
        await _state.CommitAsync(Remember(next, e.Id));
        if (_applied.Count >= _options.RememberedEvents)
        {
            // The oldest id is forgotten: an event that old is no retry of LiveKit's.
            _applied = [.. _state.State.AppliedEventIds];
        }
        else
        {
            _applied.Add(e.Id);
        }
        await FollowGraceAsync(before.GraceEndsAt, next.GraceEndsAt);
        LogApplied(e.Kind, Id, e.Id, info.Status);
        return MediaEventOutcome.Applied;
    }

    public Task<StreamMedia> GetAsync()
    {
        var s = _state.State;
        return Task.FromResult(new StreamMedia(Id, s.CreatorPresent, s.GraceEndsAt, s.Recording, s.EventsApplied));
    }

    public Task<MediaRecording?> GetRecordingAsync() => Task.FromResult(_state.State.Recording);

    public Task ReceiveReminder(string reminderName, TickStatus status) => EndIfGraceLapsedAsync();

    private StreamMediaState Remember(StreamMediaState next, string eventId) => next with
    {
        AppliedEventIds = [.. next.AppliedEventIds.Append(eventId).TakeLast(_options.RememberedEvents)],
        EventsApplied = next.EventsApplied + 1,
    };

    // A finished recording of an ended stream is what its replay needs, so the stream is archived then, whichever
    // of the two LiveKit reports first.
    private async Task<StreamInfo> ArchiveIfRecordedAsync(StreamInfo info, StreamMediaState next) =>
        next.Recording is not null && info.Status == StreamStatus.Ended ? await MoveAsync(info, StreamStatus.Archived) : info;

    private async Task<StreamInfo> MoveAsync(StreamInfo info, StreamStatus target)
    {
        try
        {
            // LiveKit speaks for the creator: the move is theirs, exactly as if they had pressed the button.
            return await Stream.MoveToAsync(new Actor(info.CreatorId, info.CreatorHandle, Role.Creator), target);
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.InvalidTransition)
        {
            // The creator moved it through the REST endpoints in the meantime.
            return await Stream.GetAsync() ?? info;
        }
    }

    private async Task FollowGraceAsync(DateTimeOffset? before, DateTimeOffset? after)
    {
        if (before == after)
        {
            return;
        }

        _graceTimer?.Dispose();
        _graceTimer = null;
        if (after is { } endsAt)
        {
            ArmGraceTimer(endsAt);
            var due = Max(endsAt - time.GetUtcNow(), TimeSpan.FromSeconds(1));
            await this.RegisterOrUpdateReminder(GraceReminder, due, Max(due, reminderOptions.Value.MinimumReminderPeriod));
        }
        else
        {
            await UnregisterGraceReminderAsync();
        }
    }

    private void ArmGraceTimer(DateTimeOffset endsAt)
    {
        _graceTimer?.Dispose();
        _graceTimer = this.RegisterGrainTimer(
            _ => EndIfGraceLapsedAsync(),
            new GrainTimerCreationOptions { DueTime = Max(endsAt - time.GetUtcNow(), TimeSpan.Zero), Period = TimeSpan.FromSeconds(1) });
    }

    private async Task EndIfGraceLapsedAsync()
    {
        if (_state.State.GraceEndsAt is not { } endsAt)
        {
            _graceTimer?.Dispose();
            _graceTimer = null;
            await UnregisterGraceReminderAsync();
            return;
        }

        if (time.GetUtcNow() < endsAt)
        {
            return;
        }

        if (await Stream.GetAsync() is { Status: StreamStatus.Live } info)
        {
            info = await MoveAsync(info, StreamStatus.Ended);
            LogGraceLapsed(Id, info.Status);
            await ArchiveIfRecordedAsync(info, _state.State);
        }

        await _state.CommitAsync(_state.State with { GraceEndsAt = null });
        await FollowGraceAsync(endsAt, null);
    }

    private async Task UnregisterGraceReminderAsync()
    {
        if (await this.GetReminder(GraceReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "LiveKit {Kind} applied to stream {StreamId} (event {EventId}); the stream is {Status}")]
    private partial void LogApplied(MediaEventKind kind, string streamId, string eventId, StreamStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "The creator of stream {StreamId} stayed away past the grace period; the stream is {Status}")]
    private partial void LogGraceLapsed(string streamId, StreamStatus status);
}
