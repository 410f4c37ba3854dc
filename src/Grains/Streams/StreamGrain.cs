using LiveStreamX.Common;
using LiveStreamX.Grains.Chat;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace LiveStreamX.Grains.Streams;

/// <summary>
/// One stream session. Every event gets the next seq, goes into the replay buffer and out, one way, to the observer
/// of each Api node with viewers of the stream (registered on the node's viewer-count lease).
/// </summary>
// Non-reentrant: seq numbers and the state machine must advance one call at a time.
public sealed partial class StreamGrain(
    [PersistentState("stream", StorageNames.Default)] IPersistentState<StreamState> stream,
    IOptions<StreamOptions> streamOptions,
    IOptions<ChatOptions> chatOptions,
    IPersistentStateFactory stateFactory,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<StreamGrain> logger) : Grain, IStreamGrain
{
    private const int TitleMaxLength = 120;
    private const int CategoryMaxLength = 40;
    private const int MaxSlowModeSeconds = 3600;

    private readonly StreamOptions _options = streamOptions.Value;
    private readonly ChatOptions _chat = chatOptions.Value;

    // Per gifter: tokens and the last transfer applied, apart from the rest so a gift writes only its sender's bucket.
    private readonly SenderTallies _gifters = new(stateFactory, grainContext, "stream");
    private ReplayBuffer _replay = null!;
    private long _seq;

    private string Id => this.GetPrimaryKeyString();

    private StreamInfo Info => stream.State.Info ?? throw DomainException.NotFound($"There is no stream '{Id}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MoveLegacyGiftFiguresAsync(cancellationToken);
        await SettleGiftInFlightAsync();

        // Continue after every seq that may have been handed out. After a clean deactivation the saved buffer
        // ends exactly there and is kept; after a crash the seqs jump and clients that were behind get gapTooOld.
        _seq = stream.State.SeqReserved;
        _replay = new ReplayBuffer(_options.ReplayBufferSize);
        var saved = stream.State.Replay;
        if (saved.Length > 0 && saved[^1].Seq == _seq)
        {
            _replay.Reset(saved[0].Seq - 1);
            foreach (var e in saved.TakeLast(_options.ReplayBufferSize))
            {
                _replay.Add(e);
            }
        }
        else
        {
            _replay.Reset(_seq);
        }

        RestoreNodes();
        StartViewerLeaseSweep();
        if (stream.State.Challenge is { Status: LiveStreamX.Engagement.ChallengeStatus.Running })
        {
            StartChallengeTimer();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushNodesAsync(cancellationToken);
        if (stream.State.Info is null)
        {
            return;
        }

        stream.State = stream.State with { SeqReserved = _seq, Replay = _replay.ToArray() };
        try
        {
            await stream.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // The reservation already covers every seq handed out; only the replay buffer is lost.
            LogDeactivationWriteFailed(logger, ex, Id);
        }
    }

    public async Task<StreamInfo> CreateAsync(CreateStream command)
    {
        if (stream.State.Info is not null)
        {
            throw new DomainException(ErrorCodes.Conflict, $"The stream '{Id}' exists already.");
        }

        if (command.Creator.Role is not (Role.Creator or Role.Admin))
        {
            throw DomainException.Forbidden("Only creators can create streams.");
        }

        var title = InputText.Require(command.Title, "title", TitleMaxLength, $"A title is 1–{TitleMaxLength} characters with something visible.");

        var category = (command.Category ?? string.Empty).Trim();
        if (category.Length is 0 or > CategoryMaxLength || !category.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'))
        {
            throw DomainException.InvalidInput("category", $"A category is 1–{CategoryMaxLength} letters, digits, spaces, '-' or '_'.");
        }

        var info = new StreamInfo(
            Id, title, category, command.Creator.UserId, command.Creator.Handle, StreamStatus.Scheduled,
            time.GetUtcNow(), StartedAt: null, EndedAt: null, ArchivedAt: null, SlowModeSeconds: 0, ViewerCount: 0);
        stream.State = stream.State with { Info = info };
        await stream.WriteStateAsync();
        await Directory.UpsertAsync(info);
        return info;
    }

    public Task<StreamInfo?> GetAsync() =>
        Task.FromResult(stream.State.Info is { } info ? info with { ViewerCount = ViewerCount } : null);

    public async Task<StreamInfo> MoveToAsync(Actor actor, StreamStatus target)
    {
        var info = Info;
        EnsureMayManage(actor, info);
        if (!StreamLifecycle.CanMove(info.Status, target))
        {
            throw new DomainException(
                ErrorCodes.InvalidTransition,
                $"A stream that is {info.Status.ToString().ToLowerInvariant()} cannot become {target.ToString().ToLowerInvariant()}.");
        }

        var now = time.GetUtcNow();
        var moved = target switch
        {
            StreamStatus.Live => info with { Status = target, StartedAt = now },
            StreamStatus.Ended => info with { Status = target, EndedAt = now },
            _ => info with { Status = target, ArchivedAt = now },
        };

        await PublishAsync(
            new StreamStateChanged { StreamId = Id, Status = target, PreviousStatus = info.Status },
            (state, _) => state with { Info = moved });
        await Directory.UpsertAsync(moved);
        if (target == StreamStatus.Live)
        {
            await EnsureWheelRoundAsync();
        }
        else if (target == StreamStatus.Ended)
        {
            await CreditCreatorAsync(moved);
        }

        return moved with { ViewerCount = ViewerCount };
    }

    public async Task<StreamInfo> SetSlowModeAsync(Actor actor, int seconds)
    {
        var info = Info;
        EnsureMayManage(actor, info);
        if (seconds is < 0 or > MaxSlowModeSeconds)
        {
            throw DomainException.InvalidInput("seconds", $"Slow mode is 0–{MaxSlowModeSeconds} seconds.");
        }

        var changed = info with { SlowModeSeconds = seconds };
        await PublishAsync(new SlowModeChanged { StreamId = Id, Seconds = seconds }, (state, _) => state with { Info = changed });
        return changed with { ViewerCount = ViewerCount };
    }

    private IStreamDirectoryGrain Directory => GrainFactory.Get<IStreamDirectoryGrain>(0);

    private static void EnsureMayManage(Actor actor, StreamInfo info)
    {
        if (!actor.IsAdmin && actor.UserId != info.CreatorId)
        {
            throw DomainException.Forbidden("Only the stream's creator or an admin may do that.");
        }
    }

    /// <summary>
    /// Gives the event the next seq and sends it out. When <paramref name="persist"/> is given, the new state is
    /// written first: an event whose state change was not stored is never seen.
    /// </summary>
    private async Task<T> PublishAsync<T>(T draft, Func<StreamState, T, StreamState>? persist = null)
        where T : StreamEvent
    {
        var e = (T)((StreamEvent)draft with { StreamId = Id, Seq = _seq + 1, At = time.GetUtcNow() });
        var mustReserve = e.Seq > stream.State.SeqReserved;
        if (persist is not null || mustReserve)
        {
            var previous = stream.State;
            var next = persist?.Invoke(previous, e) ?? previous;
            var reserved = mustReserve ? e.Seq + _options.SeqReservationBlock - 1 : previous.SeqReserved;
            stream.State = next with { SeqReserved = reserved };
            try
            {
                await stream.WriteStateAsync();
            }
            catch (Exception ex)
            {
                stream.State = previous;
                if (ex is InconsistentStateException)
                {
                    // Another activation wrote since we read: this one is stale and must go.
                    DeactivateOnIdle();
                }

                LogWriteFailed(logger, ex, Id);
                throw new DomainException(ErrorCodes.Unavailable, "The stream could not be saved; try again.", ex);
            }
        }

        _seq = e.Seq;
        _replay.Add(e);
        Push(e);
        return e;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: writing state failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string streamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: saving on deactivation failed")]
    private static partial void LogDeactivationWriteFailed(ILogger logger, Exception ex, string streamId);
}
