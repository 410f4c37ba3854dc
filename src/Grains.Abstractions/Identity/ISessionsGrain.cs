namespace LiveStreamX.Identity;

/// <summary>
/// A user's signed-in sessions: one refresh-token family per sign-in, stored as hashes only. Key: user id.
/// Every refresh rotates the family's token; presenting a token the family already rotated away revokes the family.
/// </summary>
[Alias("lsx.ISessionsGrain")]
public interface ISessionsGrain : IGrainWithStringKey
{
    /// <summary>Opens a session whose first refresh token has <see cref="SessionStart.TokenHash"/>.</summary>
    [Alias("Start")]
    Task<SessionView> StartAsync(SessionStart start);

    /// <summary>Swaps the family's current token for the next one, or refuses (and on reuse revokes the family).</summary>
    [Alias("Rotate")]
    Task<RotateResult> RotateAsync(SessionRotate rotate);

    /// <summary>
    /// Ends one session; false if it was not open. With <paramref name="tokenHash"/> (a sign-out by cookie) only if
    /// that is the session's current token.
    /// </summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync(string sessionId, string? tokenHash = null);

    /// <summary>Ends every open session ("sign out everywhere"); returns how many were open.</summary>
    [Alias("RevokeAll")]
    Task<int> RevokeAllAsync();

    /// <summary>The open sessions, newest use first.</summary>
    [Alias("List"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<SessionView>> ListAsync();
}

/// <summary>A sign-in: the new family's id, its first token's hash, how it signed in and from what client.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SessionStart")]
public sealed record SessionStart(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string TokenHash,
    [property: Id(2)] string Method,
    [property: Id(3)] string? Client,
    [property: Id(4)] TimeSpan Lifetime);

/// <summary>A refresh: the presented token's hash and the hash of the token that replaces it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SessionRotate")]
public sealed record SessionRotate(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string PresentedHash,
    [property: Id(2)] string NextHash,
    [property: Id(3)] TimeSpan Lifetime);

/// <summary>What became of a refresh.</summary>
public enum RotateOutcome
{
    /// <summary>The token was the current one: the next one replaces it.</summary>
    Rotated = 0,

    /// <summary>The token was rotated away before: someone replayed it, so the whole family is revoked now.</summary>
    Reused = 1,

    /// <summary>The family was revoked (sign-out, reuse) or expired.</summary>
    Ended = 2,

    /// <summary>No such family or token.</summary>
    Unknown = 3,
}

/// <summary>The outcome of a refresh, with the session when it rotated.</summary>
[GenerateSerializer, Immutable, Alias("lsx.RotateResult")]
public sealed record RotateResult([property: Id(0)] RotateOutcome Outcome, [property: Id(1)] SessionView? Session);

/// <summary>One open session as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SessionView")]
public sealed record SessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Method,
    [property: Id(2)] string? Client,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset LastUsedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt);
