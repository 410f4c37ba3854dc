using System.Text.Json.Serialization;

namespace LiveStreamX.Progression;

/// <summary>
/// Something for one user's eyes, on all of their connections: not a stream event (no stream, no seq). Published
/// through the user's <see cref="IUserEventsGrain"/>; each Api node forwards it to that user's connections.
/// </summary>
[GenerateSerializer, Alias("lsx.UserEvent")]
public abstract record UserEvent
{
    [JsonPropertyOrder(-3)]
    public abstract string Type { get; }

    [Id(0), JsonPropertyOrder(-2)]
    public required string UserId { get; init; }

    [Id(1), JsonPropertyOrder(-1)]
    public DateTimeOffset At { get; init; }
}

/// <summary>The user reached a new level.</summary>
[GenerateSerializer, Immutable, Alias("lsx.LevelUp")]
public sealed record LevelUp : UserEvent
{
    public override string Type => "level:up";

    [Id(0)] public required int Level { get; init; }

    [Id(1)] public required long Xp { get; init; }

    [Id(2)] public required long XpForNextLevel { get; init; }
}

/// <summary>The user earned a badge.</summary>
[GenerateSerializer, Immutable, Alias("lsx.BadgeEarned")]
public sealed record BadgeEarned : UserEvent
{
    public override string Type => "badge:earned";

    [Id(0)] public required string Badge { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required string Description { get; init; }
}
