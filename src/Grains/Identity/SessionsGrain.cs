using System.Security.Cryptography;
using System.Text;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Identity;

/// <summary>A user's sessions: refresh-token families stored as hashes, rotated on every use.</summary>
// Non-reentrant: two refreshes with one token must not both rotate it (the second is a replay).
public sealed partial class SessionsGrain(
    [PersistentState("sessions", StorageNames.Default)] IPersistentState<SessionsState> sessions,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    IGrainContext grainContext,
    ILogger<SessionsGrain> logger) : Grain, ISessionsGrain
{
    /// <summary>Open sessions per user; a sign-in past it ends the least recently used one.</summary>
    public const int MaxOpen = 20;

    // Enough to recognise any replay of a token stolen in the last days of normal use; an older one is refused
    // as unknown, which refuses it just the same.
    private const int MaxUsedHashes = 64;

    private readonly StoredState<SessionsState> _state = new(grainContext, sessions, "sessions", logger, "The session could not be saved; try again.");

    public Task<SessionView> StartAsync(SessionStart start)
    {
        if (!IsId(start.SessionId) || !IsHash(start.TokenHash) || start.Lifetime <= TimeSpan.Zero
            || string.IsNullOrWhiteSpace(start.Method) || start.Method.Length > 32)
        {
            throw DomainException.InvalidInput("session", "A session needs an id, a token hash, a method and a lifetime.");
        }

        var now = time.GetUtcNow();
        var families = Live(now).Where(f => f.Id != start.SessionId).ToList();
        var open = families.Where(f => f.EndedAt is null).OrderBy(f => f.LastUsedAt).ToList();
        foreach (var oldest in open.Take(Math.Max(0, open.Count - MaxOpen + 1)))
        {
            families[families.IndexOf(oldest)] = oldest with { EndedAt = now };
        }

        var client = start.Client is { Length: > 0 } c ? c[..Math.Min(c.Length, 200)] : null;
        var family = new SessionFamily(start.SessionId, start.TokenHash, [], start.Method, client, now, now, now + start.Lifetime, null);
        families.Add(family);
        return CommitAsync(families, View(family));
    }

    public async Task<RotateResult> RotateAsync(SessionRotate rotate)
    {
        var now = time.GetUtcNow();
        var families = Live(now).ToList();
        var index = families.FindIndex(f => f.Id == rotate.SessionId);
        if (index < 0 || !IsHash(rotate.PresentedHash) || !IsHash(rotate.NextHash))
        {
            return new RotateResult(RotateOutcome.Unknown, null);
        }

        var family = families[index];
        if (Same(family.CurrentHash, rotate.PresentedHash))
        {
            if (family.EndedAt is not null || family.ExpiresAt <= now)
            {
                return new RotateResult(RotateOutcome.Ended, null);
            }

            var used = family.UsedHashes.Append(family.CurrentHash).TakeLast(MaxUsedHashes).ToList();
            var next = family with { CurrentHash = rotate.NextHash, UsedHashes = used, LastUsedAt = now, ExpiresAt = now + rotate.Lifetime };
            families[index] = next;
            return new RotateResult(RotateOutcome.Rotated, await CommitAsync(families, View(next)));
        }

        if (!family.UsedHashes.Any(h => Same(h, rotate.PresentedHash)))
        {
            return new RotateResult(RotateOutcome.Unknown, null);
        }

        if (family.EndedAt is null)
        {
            // A token rotated away came back: either the thief or the owner holds a copy, and the server cannot
            // tell which, so neither may go on.
            LogReuse(logger, this.GetPrimaryKeyString(), family.Id);
            families[index] = family with { EndedAt = now };
            await CommitAsync(families, 0);
        }

        return new RotateResult(RotateOutcome.Reused, null);
    }

    public async Task<bool> RevokeAsync(string sessionId, string? tokenHash = null)
    {
        var now = time.GetUtcNow();
        var families = Live(now).ToList();
        var index = families.FindIndex(f => f.Id == sessionId && f.EndedAt is null);
        if (index < 0 || (tokenHash is not null && !Same(families[index].CurrentHash, tokenHash)))
        {
            return false;
        }

        families[index] = families[index] with { EndedAt = now };
        return await CommitAsync(families, true);
    }

    public async Task<int> RevokeAllAsync()
    {
        var now = time.GetUtcNow();
        var families = Live(now).ToList();
        var open = families.Count(f => f.EndedAt is null);
        if (open == 0)
        {
            return 0;
        }

        return await CommitAsync([.. families.Select(f => f.EndedAt is null ? f with { EndedAt = now } : f)], open);
    }

    public Task<IReadOnlyList<SessionView>> ListAsync()
    {
        var now = time.GetUtcNow();
        IReadOnlyList<SessionView> open = [.. Live(now).Where(f => f.EndedAt is null).OrderByDescending(f => f.LastUsedAt).Select(View)];
        return Task.FromResult(open);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _state.WhenWrittenAsync();

    // Families stay until they would have expired: an ended one still answers a replay with "reused".
    private IEnumerable<SessionFamily> Live(DateTimeOffset now) => _state.State.Families.Where(f => f.ExpiresAt > now);

    private async Task<T> CommitAsync<T>(IReadOnlyList<SessionFamily> families, T result)
    {
        await _state.CommitAsync(_state.State with { Families = families });
        return result;
    }

    private static SessionView View(SessionFamily f) => new(f.Id, f.Method, f.Client, f.CreatedAt, f.LastUsedAt, f.ExpiresAt);

    private static bool Same(string stored, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented));

    private static bool IsId(string? id) => id is { Length: >= 8 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    // A SHA-256 in base64url: 43 characters.
    private static bool IsHash(string? hash) => hash is { Length: 43 } && hash.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [LoggerMessage(Level = LogLevel.Warning, Message = "A rotated refresh token of user {UserId} came back: session {SessionId} is revoked")]
    private static partial void LogReuse(ILogger logger, string userId, string sessionId);
}
