namespace LiveStreamX.Identity;

/// <summary>An account at a sign-in provider (Google, Twitch, X or an OpenID Connect server) linked to a user.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ExternalLogin")]
public sealed record ExternalLogin(
    [property: Id(0)] string Provider,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] DateTimeOffset LinkedAt)
{
    /// <summary>The key of its <see cref="IExternalLoginGrain"/>: the provider id, a colon, the provider's subject.</summary>
    public string Key => KeyOf(Provider, Subject);

    public static string KeyOf(string provider, string subject) => $"{provider}:{subject}";
}
