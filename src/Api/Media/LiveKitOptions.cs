using System.ComponentModel.DataAnnotations;

namespace LiveStreamX.Api.Media;

/// <summary>
/// The LiveKit server browsers send and receive video through. Section <c>LSX:LiveKit</c>. All unset: no live video
/// (streams are chat streams; <c>media-token</c> answers <c>media_not_configured</c>). Any set: all three are needed.
/// </summary>
public sealed class LiveKitOptions : IValidatableObject
{
    public const string Section = "LSX:LiveKit";

    /// <summary>HS256 needs a key of 256 bits at least; LiveKit itself refuses shorter secrets outside dev mode.</summary>
    public const int MinSecretLength = 32;

    /// <summary>The server's address as browsers reach it: <c>ws://</c> or <c>wss://</c> (<c>http(s)://</c> is taken as the same).</summary>
    public string? Url { get; set; }

    /// <summary>The API key LiveKit knows (a token's <c>iss</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API key's secret: signs the tokens handed out and checks LiveKit's webhooks.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>How long a media token lets its holder join (LiveKit renews it for a participant already in the room).</summary>
    [Range(1, 360)]
    public int TokenMinutes { get; set; } = 360;

    /// <summary>Whether LiveKit is configured (validation has made sure all three settings are then present).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url) || !string.IsNullOrWhiteSpace(ApiKey) || !string.IsNullOrWhiteSpace(ApiSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Url) || string.IsNullOrWhiteSpace(ApiKey) || string.IsNullOrWhiteSpace(ApiSecret))
        {
            yield return new ValidationResult(
                $"{Section}: set all of Url, ApiKey and ApiSecret (LSX__LiveKit__Url, LSX__LiveKit__ApiKey, LSX__LiveKit__ApiSecret) for live video, or none of them for chat streams without video.",
                [nameof(Url), nameof(ApiKey), nameof(ApiSecret)]);
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss" or "http" or "https"))
        {
            yield return new ValidationResult($"{Section}:Url is the LiveKit server's address as browsers reach it, e.g. wss://livekit.example.com or ws://localhost:7880.", [nameof(Url)]);
        }

        if (ApiSecret.Length < MinSecretLength)
        {
            yield return new ValidationResult($"{Section}:ApiSecret is {MinSecretLength} characters or more (HS256 needs a 256-bit key).", [nameof(ApiSecret)]);
        }
    }
}
