using LiveStreamX.Common;

namespace LiveStreamX.Chat;

/// <summary>The chat text rule: <see cref="InputText"/>'s cleaning, 1–500 characters with something visible.</summary>
public static class ChatText
{
    public const int MaxLength = 500;

    /// <summary>The text as it will be shown, or a <see cref="DomainException"/> with <c>invalid_input</c>.</summary>
    public static string Normalize(string? text)
    {
        var clean = InputText.Strip(text);
        if (clean is null || !InputText.HasVisible(clean))
        {
            throw DomainException.InvalidInput("text", "A chat message needs visible text.");
        }

        if (clean.Length > MaxLength)
        {
            throw DomainException.InvalidInput("text", $"A chat message is at most {MaxLength} characters.");
        }

        return clean;
    }
}
