using LiveStreamX.Chat;
using LiveStreamX.Gifts;
using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

/// <summary>
/// What a stream persists about its event order: the stream itself, the seq reservation and the replay buffer a
/// clean deactivation left. Each feature keeps its own state beside it (<see cref="StreamChatState"/>,
/// <see cref="StreamCommandsState"/>, <see cref="StreamOverlayState"/>, <see cref="StreamPollState"/>,
/// <see cref="StreamChallengeState"/>, <see cref="StreamMomentsState"/>), so no feature's write rewrites another's
/// data. Ids are never reused.
/// </summary>
[GenerateSerializer, Alias("lsx.StreamState")]
public sealed record StreamState
{
    /// <summary>Null until the stream is created.</summary>
    [Id(0)]
    public StreamInfo? Info { get; init; }

    /// <summary>No seq above this was ever handed out: a new activation continues after it.</summary>
    [Id(1)]
    public long SeqReserved { get; init; }

    // The fields below Replay were written by earlier versions, which kept every feature here. A stream stored that
    // way moves them to the features' own states on its next activation and clears them here. The names stay:
    // state written as JSON by earlier versions is read by name.

    /// <summary>Before <see cref="StreamChatState"/>: the newest chat messages, oldest first.</summary>
    [Id(2)]
    public ChatMessageEvent[] Chat { get; init; } = [];

    /// <summary>
    /// The replay buffer as a clean deactivation left it; used only if it ends at <see cref="SeqReserved"/>, and
    /// dropped from memory once read, so later writes do not store it again.
    /// </summary>
    [Id(3)]
    public StreamEvent[] Replay { get; init; } = [];

    // Ids 4–6 held the gift figures (total, per gifter, per-sender watermarks) before they moved to the stream's
    // sender tallies.

    /// <summary>Before the sender tallies: tokens of every gift received.</summary>
    [Id(4)]
    public long GiftTotal { get; init; }

    /// <summary>Before the sender tallies: tokens per gifter.</summary>
    [Id(5)]
    public Dictionary<string, TopGifter> Gifters { get; init; } = [];

    /// <summary>Before the sender tallies: per sender, the highest transfer number recorded.</summary>
    [Id(6)]
    public Dictionary<string, long> GiftsApplied { get; init; } = [];

    /// <summary>Before <see cref="StreamCommandsState"/>.</summary>
    [Id(7)]
    public CommandGiftConfig Commands { get; init; } = CommandGiftConfig.Empty;

    /// <summary>Before <see cref="StreamCommandsState"/>.</summary>
    [Id(8)]
    public PendingTrigger[] CommandQueue { get; init; } = [];

    /// <summary>Before <see cref="StreamCommandsState"/>.</summary>
    [Id(9)]
    public WheelRound? Wheel { get; init; }

    /// <summary>Before <see cref="StreamCommandsState"/>.</summary>
    [Id(10)]
    public WheelRevealed[] RevealedRounds { get; init; } = [];

    /// <summary>Before <see cref="StreamPollState"/>.</summary>
    [Id(11)]
    public LiveStreamX.Engagement.Poll? Poll { get; init; }

    /// <summary>Before <see cref="StreamChallengeState"/>.</summary>
    [Id(12)]
    public LiveStreamX.Engagement.Challenge? Challenge { get; init; }

    /// <summary>Before <see cref="StreamMomentsState"/>.</summary>
    [Id(13)]
    public LiveStreamX.Engagement.Moment[] Moments { get; init; } = [];

    /// <summary>Before <see cref="StreamMomentsState"/>.</summary>
    [Id(14)]
    public int MomentCount { get; init; }

    /// <summary>Before <see cref="StreamOverlayState"/>.</summary>
    [Id(15)]
    public LiveStreamX.Engagement.OverlayLayout Overlay { get; init; } = LiveStreamX.Engagement.OverlayLayout.Default;

    /// <summary>Before <see cref="StreamCommandsState"/>.</summary>
    [Id(16)]
    public LiveStreamX.Grains.Gifts.GiftInFlight? GiftInFlight { get; init; }

    /// <summary>
    /// How this stream's data is laid out in storage: 0 for every feature in this state (earlier versions), 1 for
    /// the features in their own states. A stream activated with 0 moves them and writes 1.
    /// </summary>
    [Id(17)]
    public int Layout { get; init; }

    /// <summary>The layout this version writes.</summary>
    public const int CurrentLayout = 1;
}

/// <summary>A stream's chat history, written behind (at most once a second).</summary>
[GenerateSerializer, Alias("lsx.StreamChatState")]
public sealed record StreamChatState
{
    /// <summary>The newest chat messages, oldest first.</summary>
    [Id(0)]
    public ChatMessageEvent[] Chat { get; init; } = [];
}

/// <summary>A stream's command gifts: the creator's mapping, the queue waiting out cooldowns and the spin wheel.</summary>
[GenerateSerializer, Alias("lsx.StreamCommandsState")]
public sealed record StreamCommandsState
{
    [Id(0)]
    public CommandGiftConfig Commands { get; init; } = CommandGiftConfig.Empty;

    /// <summary>Triggers waiting for their action's cooldown, oldest first.</summary>
    [Id(1)]
    public PendingTrigger[] CommandQueue { get; init; } = [];

    /// <summary>The open spin-wheel round: its id and secret seed (only the hash is published).</summary>
    [Id(2)]
    public WheelRound? Wheel { get; init; }

    /// <summary>The last revealed rounds, newest first.</summary>
    [Id(3)]
    public WheelRevealed[] RevealedRounds { get; init; } = [];

    /// <summary>A command gift whose trigger is queued here but whose sender tally may not be written yet.</summary>
    [Id(4)]
    public LiveStreamX.Grains.Gifts.GiftInFlight? GiftInFlight { get; init; }
}

/// <summary>A stream's overlay layout (customization).</summary>
[GenerateSerializer, Alias("lsx.StreamOverlayState")]
public sealed record StreamOverlayState
{
    [Id(0)]
    public LiveStreamX.Engagement.OverlayLayout Overlay { get; init; } = LiveStreamX.Engagement.OverlayLayout.Default;
}

/// <summary>The poll as its last event left it, for the join snapshot (the poll itself lives in the poll grain).</summary>
[GenerateSerializer, Alias("lsx.StreamPollState")]
public sealed record StreamPollState
{
    [Id(0)]
    public LiveStreamX.Engagement.Poll? Poll { get; init; }
}

/// <summary>The stream's running or last challenge.</summary>
[GenerateSerializer, Alias("lsx.StreamChallengeState")]
public sealed record StreamChallengeState
{
    [Id(0)]
    public LiveStreamX.Engagement.Challenge? Challenge { get; init; }
}

/// <summary>The stream's highlight moments.</summary>
[GenerateSerializer, Alias("lsx.StreamMomentsState")]
public sealed record StreamMomentsState
{
    /// <summary>The last highlight moments, newest first.</summary>
    [Id(0)]
    public LiveStreamX.Engagement.Moment[] Moments { get; init; } = [];

    /// <summary>How many moments the stream ever had: the next one's number.</summary>
    [Id(1)]
    public int MomentCount { get; init; }
}

/// <summary>A command trigger waiting for its action's cooldown.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PendingTrigger")]
public sealed record PendingTrigger(
    [property: Id(0)] string Action,
    [property: Id(1)] string ParamsJson,
    [property: Id(2)] UserRef By,
    [property: Id(3)] string GiftCode,
    [property: Id(4)] string GiftEventId,
    [property: Id(5)] int Repeat = 1);

/// <summary>An open spin-wheel round.</summary>
[GenerateSerializer, Immutable, Alias("lsx.WheelRound")]
public sealed record WheelRound([property: Id(0)] long RoundId, [property: Id(1)] string Seed, [property: Id(2)] string SeedHash);

/// <summary>
/// A stream's chat limits that must survive a move to another silo: when each viewer last wrote, for slow mode.
/// Written behind, and only while slow mode is on.
/// </summary>
[GenerateSerializer, Alias("lsx.StreamLimitsState")]
public sealed record StreamLimitsState
{
    [Id(0)]
    public Dictionary<string, DateTimeOffset> LastMessageAt { get; init; } = [];
}
