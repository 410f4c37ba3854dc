using LiveStreamX.Streams;
using LiveStreamX.Users;

namespace LiveStreamX.Chat;

/// <summary>A chat message as every viewer receives it: plain text, never HTML.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChatMessageEvent")]
public sealed record ChatMessageEvent : StreamEvent
{
    public override string Type => EventNames.ChatMessage;

    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string UserId { get; init; }

    [Id(2)]
    public required string Handle { get; init; }

    [Id(3)]
    public required Role Role { get; init; }

    [Id(4)]
    public required string Text { get; init; }

    /// <summary>The sender's level when they wrote it (0 for system lines).</summary>
    [Id(5)]
    public int Level { get; init; }

    /// <summary>Up to three of the sender's badges, to show beside the name.</summary>
    [Id(6)]
    public IReadOnlyList<string> Badges { get; init; } = [];
}

/// <summary>What a chat line shows beside the sender's name.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ChatFlair")]
public sealed record ChatFlair([property: Id(0)] int Level, [property: Id(1)] IReadOnlyList<string> Badges)
{
    public static readonly ChatFlair None = new(0, []);
}
