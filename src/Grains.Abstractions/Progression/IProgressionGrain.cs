namespace LiveStreamX.Progression;

/// <summary>Something a user did, for XP and badges.</summary>
[GenerateSerializer, Immutable, Alias("lsx.XpActivity")]
public sealed record XpActivity(
    [property: Id(0)] XpSource Source,
    [property: Id(1)] string StreamId,
    [property: Id(2)] long Amount = 1);

/// <summary>A user's XP, level and badges, and as a creator their creator XP and level.</summary>
[GenerateSerializer, Immutable, Alias("lsx.Progress")]
public sealed record Progress(
    [property: Id(0)] string UserId,
    [property: Id(1)] long Xp,
    [property: Id(2)] int Level,
    [property: Id(3)] long XpForNextLevel,
    [property: Id(4)] IReadOnlyList<string> Badges,
    [property: Id(5)] ProgressStats Stats,
    [property: Id(6)] long CreatorXp,
    [property: Id(7)] int CreatorLevel);

/// <summary>A creator's side of a stream: hours streamed, unique viewers, tokens received, engagement received.</summary>
[GenerateSerializer, Immutable, Alias("lsx.CreatorActivity")]
public sealed record CreatorActivity(
    [property: Id(0)] double HoursStreamed = 0,
    [property: Id(1)] int UniqueViewers = 0,
    [property: Id(2)] long TokensReceived = 0,
    [property: Id(3)] long EngagementReceived = 0,
    [property: Id(4)] int PeakViewers = 0);

/// <summary>What one activity changed: the XP it earned, a new level, new badges.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ProgressChange")]
public sealed record ProgressChange(
    [property: Id(0)] long XpGained,
    [property: Id(1)] int? LevelReached,
    [property: Id(2)] IReadOnlyList<string> BadgesEarned,
    [property: Id(3)] Progress Progress);

/// <summary>A user's progression: XP with caps and diminishing returns, levels, badges. Key: user id.</summary>
[Alias("lsx.IProgressionGrain")]
public interface IProgressionGrain : IGrainWithStringKey
{
    /// <summary>Counts an activity; returns what it earned.</summary>
    [Alias("Record")]
    Task<ProgressChange> RecordAsync(XpActivity activity);

    /// <summary>Counts an activity without waiting (other grains' notifications: they must never wait on a user).</summary>
    [Alias("Track"), Orleans.Concurrency.OneWay]
    Task TrackAsync(XpActivity activity);

    /// <summary>Counts a creator's side of a stream, without waiting.</summary>
    [Alias("TrackCreator"), Orleans.Concurrency.OneWay]
    Task TrackCreatorAsync(CreatorActivity activity);

    /// <summary>The user was among a stream's top 3 gifters when it ended, without waiting.</summary>
    [Alias("TrackTopGifter"), Orleans.Concurrency.OneWay]
    Task TrackTopGifterAsync();

    [Alias("Get")]
    Task<Progress> GetAsync();
}
