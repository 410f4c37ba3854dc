using LiveStreamX.Common;
using LiveStreamX.Grains.Chat;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Streams;

/// <summary>
/// One stream session. Every event gets the next seq, goes into the replay buffer and out, one way, to the observer
/// of each Api node with viewers of the stream (registered on the node's viewer-count lease).
/// </summary>
// Non-reentrant: seq numbers and the state machine must advance one call at a time.
public sealed partial class StreamGrain(
    [PersistentState("stream", StorageNames.Default)] IPersistentState<StreamState> stream,
    [PersistentState("stream-chat", StorageNames.Default)] IPersistentState<StreamChatState> chatState,
    [PersistentState("stream-commands", StorageNames.Default)] IPersistentState<StreamCommandsState> commandsState,
    [PersistentState("stream-overlay", StorageNames.Default)] IPersistentState<StreamOverlayState> overlayState,
    [PersistentState("stream-poll", StorageNames.Default)] IPersistentState<StreamPollState> pollState,
    [PersistentState("stream-challenge", StorageNames.Default)] IPersistentState<StreamChallengeState> challengeState,
    [PersistentState("stream-moments", StorageNames.Default)] IPersistentState<StreamMomentsState> momentsState,
    [PersistentState("stream-limits", StorageNames.Default)] IPersistentState<StreamLimitsState> limitsState,
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

    private const string Unsaved = "The stream could not be saved; try again.";

    private readonly StreamOptions _options = streamOptions.Value;
    private readonly ChatOptions _chat = chatOptions.Value;

    // The stream's event order (info, seq reservation), and each feature's own state beside it: a feature's write
    // never rewrites the chat history or another feature.
    private readonly StoredState<StreamChatState> _chatHistory = new(grainContext, chatState, "stream-chat", logger, Unsaved);
    private readonly StoredState<StreamCommandsState> _commands = new(grainContext, commandsState, "stream-commands", logger, Unsaved);
    private readonly StoredState<StreamOverlayState> _overlay = new(grainContext, overlayState, "stream-overlay", logger, Unsaved);
    private readonly StoredState<StreamPollState> _poll = new(grainContext, pollState, "stream-poll", logger, Unsaved);
    private readonly StoredState<StreamChallengeState> _challenge = new(grainContext, challengeState, "stream-challenge", logger, Unsaved);
    private readonly StoredState<StreamMomentsState> _moments = new(grainContext, momentsState, "stream-moments", logger, Unsaved);
    private readonly StoredState<StreamLimitsState> _limits = new(grainContext, limitsState, "stream-limits", logger, Unsaved);

    // Per gifter: tokens and the last transfer applied, apart from the rest so a gift writes only its sender's bucket.
    private readonly SenderTallies _gifters = new(stateFactory, grainContext, "stream", logger, Unsaved);
    private ReplayBuffer _replay = null!;
    private long _seq;

    private StoredState<StreamState>? _streamStore;

    private string Id => this.GetPrimaryKeyString();

    // The stream's event order: its info and the seq reservation.
    private StoredState<StreamState> StreamStore => _streamStore ??= new(grainContext, stream, "stream", logger, Unsaved);

    private StreamInfo Info => StreamStore.State.Info ?? throw DomainException.NotFound($"There is no stream '{Id}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MoveLegacyGiftFiguresAsync(cancellationToken);
        await MoveLegacyFeaturesAsync(cancellationToken);
        await SettleGiftInFlightAsync();

        // Continue after every seq that may have been handed out. After a clean deactivation the saved buffer
        // ends exactly there and is kept; after a crash the seqs jump and clients that were behind get gapTooOld.
        _seq = StreamStore.State.SeqReserved;
        _replay = new ReplayBuffer(_options.ReplayBufferSize);
        var saved = StreamStore.State.Replay;
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

        // Read once: the next write of the stream's state (its next seq reservation at the latest) drops it, rather
        // than storing it again with every write until the next deactivation.
        StreamStore.State = StreamStore.State with { Replay = [] };

        RestoreNodes();
        StartViewerLeaseSweep();
        if (_challenge.State.Challenge is { Status: LiveStreamX.Engagement.ChallengeStatus.Running })
        {
            StartChallengeTimer();
        }
    }

    /// <summary>Moves the features that earlier versions kept in the stream's state into their own states, once.</summary>
    private async Task MoveLegacyFeaturesAsync(CancellationToken cancellationToken)
    {
        var old = StreamStore.State;
        if (old.Info is null || old.Layout >= StreamState.CurrentLayout)
        {
            return;
        }

        // Each feature's state is written before the old copy is cleared: a crash in between moves it again.
        _chatHistory.State = new StreamChatState { Chat = old.Chat };
        _commands.State = new StreamCommandsState
        {
            Commands = old.Commands,
            CommandQueue = old.CommandQueue,
            Wheel = old.Wheel,
            RevealedRounds = old.RevealedRounds,
            GiftInFlight = old.GiftInFlight,
        };
        _overlay.State = new StreamOverlayState { Overlay = old.Overlay };
        _poll.State = new StreamPollState { Poll = old.Poll };
        _challenge.State = new StreamChallengeState { Challenge = old.Challenge };
        _moments.State = new StreamMomentsState { Moments = old.Moments, MomentCount = old.MomentCount };
        await Task.WhenAll(
            _chatHistory.WriteNowAsync(cancellationToken),
            _commands.WriteNowAsync(cancellationToken),
            _overlay.WriteNowAsync(cancellationToken),
            _poll.WriteNowAsync(cancellationToken),
            _challenge.WriteNowAsync(cancellationToken),
            _moments.WriteNowAsync(cancellationToken));
        StreamStore.State = new StreamState { Info = old.Info, SeqReserved = old.SeqReserved, Replay = old.Replay, Layout = StreamState.CurrentLayout };
        await StreamStore.WriteNowAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        HandOverAnalytics();
        FlushTimeline();
        await FlushNodesAsync(cancellationToken);
        if (StreamStore.State.Info is null)
        {
            return;
        }

        try
        {
            await _chatHistory.FlushAsync(cancellationToken);
        }
        catch (DomainException)
        {
            // Logged; the history since the last write is lost, the messages were delivered live.
        }

        try
        {
            await _limits.FlushAsync(cancellationToken);
        }
        catch (DomainException)
        {
            // Logged; a viewer in slow mode may write once early on the next activation.
        }

        StreamStore.State = StreamStore.State with { SeqReserved = _seq, Replay = _replay.ToArray() };
        try
        {
            await StreamStore.WriteNowAsync(cancellationToken);
        }
        catch (DomainException)
        {
            // Logged; the reservation already covers every seq handed out, only the replay buffer is lost.
        }
    }

    public async Task<StreamInfo> CreateAsync(CreateStream command)
    {
        if (StreamStore.State.Info is not null)
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
            time.GetUtcNow(), StartedAt: null, EndedAt: null, ArchivedAt: null, SlowModeSeconds: 0, ViewerCount: 0)
        {
            Tags = StreamTags.Normalize(command.Tags),
        };
        await StreamStore.CommitAsync(StreamStore.State with { Info = info, Layout = StreamState.CurrentLayout });
        await Directory.UpsertAsync(info);
        return info;
    }

    public Task<StreamInfo?> GetAsync() =>
        Task.FromResult(StreamStore.State.Info is { } info ? info with { ViewerCount = ViewerCount } : null);

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
            _ => StreamStore.CommitAsync(StreamStore.State with { Info = moved }));
        await Directory.UpsertAsync(moved);
        GrainFactory.Get<LiveStreamX.Discovery.IDiscoverySignalsGrain>(0).StreamChangedAsync(moved).Ignore();
        if (target == StreamStatus.Live)
        {
            await EnsureWheelRoundAsync();
        }
        else if (target == StreamStatus.Ended)
        {
            // The audience's count ends with the stream, whoever still has its page open.
            Count((tally, at) => tally.Viewers(at, 0));
            HandOverAnalytics();
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
        await PublishAsync(new SlowModeChanged { StreamId = Id, Seconds = seconds }, _ => StreamStore.CommitAsync(StreamStore.State with { Info = changed }));
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
    /// Gives the event the next seq and sends it out. When <paramref name="persist"/> is given, it writes the
    /// feature's change first: an event whose state change was not stored is never seen.
    /// </summary>
    private async Task<T> PublishAsync<T>(T draft, Func<T, Task>? persist = null)
        where T : StreamEvent
    {
        var e = (T)((StreamEvent)draft with { StreamId = Id, Seq = _seq + 1, At = time.GetUtcNow(), TraceParent = draft.TraceParent ?? System.Diagnostics.Activity.Current?.Id });
        if (e.Seq > StreamStore.State.SeqReserved)
        {
            await StreamStore.CommitAsync(StreamStore.State with { SeqReserved = e.Seq + _options.SeqReservationBlock - 1 });
        }

        if (persist is not null)
        {
            await persist(e);
        }

        _seq = e.Seq;
        _replay.Add(e);
        Push(e);
        return e;
    }
}
