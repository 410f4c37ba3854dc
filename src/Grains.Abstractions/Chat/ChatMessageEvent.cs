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
}
