namespace LiveStreamX.Identity;

/// <summary>
/// A short-lived secret that carries a sign-in across browser round trips: the provider login of a first sign-in
/// waiting for its handle, or a signed-in user's request to link another provider. Key: 256 random bits
/// (base64url), the only thing the browser holds.
/// </summary>
[Alias("lsx.ISignInTicketGrain")]
public interface ISignInTicketGrain : IGrainWithStringKey
{
    /// <summary>Stores the ticket until <paramref name="lifetime"/> has passed.</summary>
    [Alias("Issue")]
    Task IssueAsync(SignInTicket ticket, TimeSpan lifetime);

    /// <summary>The ticket, or null when unknown, taken or expired.</summary>
    [Alias("Peek")]
    Task<SignInTicket?> PeekAsync();

    /// <summary>The ticket, once: later calls return null.</summary>
    [Alias("Take")]
    Task<SignInTicket?> TakeAsync();
}

/// <summary>What a ticket stands for: a first sign-in's login (<see cref="Login"/>) or a link request (<see cref="UserId"/>).</summary>
[GenerateSerializer, Immutable, Alias("lsx.SignInTicket")]
public sealed record SignInTicket(
    [property: Id(0)] ExternalLogin? Login,
    [property: Id(1)] string? UserId,
    [property: Id(2)] string ReturnUrl);
