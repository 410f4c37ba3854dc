using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Mood;

/// <summary>The reactions a viewer can send.</summary>
public enum MoodKind
{
    Hype = 0,
    Love = 1,
    Laugh = 2,
    Wow = 3,
    Sad = 4,
    Angry = 5,
}

/// <summary>Reactions an Api node counted for one stream over one short window.</summary>
[GenerateSerializer, Immutable, Alias("lsx.MoodBatch")]
public sealed record MoodBatch([property: Id(0)] long[] Counts);

/// <summary>The audience's mood, as viewers receive it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.MoodStateChanged")]
public sealed record MoodStateChanged : StreamEvent
{
    public override string Type => EventNames.MoodState;

    [Id(0)] public MoodKind? Dominant { get; init; }

    [Id(1)] public double Intensity { get; init; }

    [Id(2)] public required IReadOnlyDictionary<string, double> Rates { get; init; }

    [Id(3)] public bool ThemeEnabled { get; init; } = true;
}

/// <summary>The mood now and the exact number of reactions ever counted, per mood.</summary>
[GenerateSerializer, Immutable, Alias("lsx.MoodSnapshot")]
public sealed record MoodSnapshot(
    [property: Id(0)] MoodKind? Dominant,
    [property: Id(1)] double Intensity,
    [property: Id(2)] IReadOnlyDictionary<string, double> Rates,
    [property: Id(3)] IReadOnlyDictionary<string, long> Totals,
    [property: Id(4)] bool ThemeEnabled);

/// <summary>A stream's mood: reaction velocity per mood, decayed over time. Key: stream id.</summary>
[Alias("lsx.IMoodGrain")]
public interface IMoodGrain : IGrainWithStringKey
{
    /// <summary>Adds an Api node's batch of reactions.</summary>
    [Alias("Add")]
    Task AddAsync(MoodBatch batch);

    [Alias("Get")]
    Task<MoodSnapshot> GetAsync();

    /// <summary>Turns the web client's mood theme on or off; only the creator or an admin.</summary>
    [Alias("SetTheme")]
    Task<MoodSnapshot> SetThemeAsync(Actor actor, bool enabled);
}
