namespace LiveStreamX.Discovery;

/// <summary>What a viewer did that tells what they like.</summary>
public enum SignalKind
{
    /// <summary>Opened a stream.</summary>
    Join = 0,

    /// <summary>Left a stream.</summary>
    Leave = 1,

    /// <summary>A watch heartbeat: <see cref="ViewerSignal.Amount"/> seconds of visible watching.</summary>
    Watch = 2,

    /// <summary>A chat line (or another written interaction: a poll vote, a question).</summary>
    Chat = 3,

    /// <summary>A gift: <see cref="ViewerSignal.Amount"/> tokens.</summary>
    Gift = 4,

    /// <summary>Reactions: <see cref="ViewerSignal.Amount"/> taps.</summary>
    Reaction = 5,

    /// <summary>Followed the stream's creator (<see cref="ViewerSignal.StreamId"/> is empty, <see cref="ViewerSignal.CreatorId"/> set).</summary>
    Follow = 6,

    /// <summary>Stopped following the creator.</summary>
    Unfollow = 7,
}

/// <summary>One behavioural signal of a signed-in viewer, on its way (one way) to the viewer's interest grain.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ViewerSignal")]
public sealed record ViewerSignal(
    [property: Id(0)] string UserId,
    [property: Id(1)] SignalKind Kind,
    [property: Id(2)] string StreamId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] long Amount = 1)
{
    /// <summary>The stream's creator: set by the sender when it knows it (a follow), otherwise by the signals grain.</summary>
    [Id(5)] public string? CreatorId { get; init; }

    /// <summary>The stream's category, tags and title terms, set by the signals grain from the live index.</summary>
    [Id(6)] public string? Category { get; init; }

    [Id(7)] public string[] Tags { get; init; } = [];

    [Id(8)] public string[] TitleTerms { get; init; } = [];

    [Id(9)] public string? CreatorHandle { get; init; }
}

/// <summary>
/// The one place behavioural signals and stream changes enter discovery: it resolves a signal's stream (creator,
/// category, tags) and hands it on to the viewer's interest grain, a watch heartbeat also to the stream's analytics,
/// and a stream's status change to the live index and the creator's followers. Every call is one way: chat, gifts,
/// joins and go-lives never wait for discovery. Key: 0.
/// </summary>
[Alias("lsx.IDiscoverySignalsGrain")]
public interface IDiscoverySignalsGrain : IGrainWithIntegerKey
{
    /// <summary>A viewer's signal.</summary>
    [Alias("Record"), Orleans.Concurrency.OneWay]
    Task RecordAsync(ViewerSignal signal);

    /// <summary>A stream was created or changed status.</summary>
    [Alias("StreamChanged"), Orleans.Concurrency.OneWay]
    Task StreamChangedAsync(Streams.StreamInfo stream);

    /// <summary>A stream's viewer count (all nodes) changed.</summary>
    [Alias("ViewersChanged"), Orleans.Concurrency.OneWay]
    Task ViewersChangedAsync(string streamId, int count);
}
