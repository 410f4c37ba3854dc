using System.Security.Cryptography;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Identity;

/// <summary>
/// The access-token signing keys of the whole cluster: generated here, persisted, rotated on a schedule. Api nodes
/// read the ring every few seconds; a new key is published <see cref="KeyRotationPolicy.Lead"/> before it signs, so
/// every node accepts its tokens before the first one is issued.
/// </summary>
// Non-reentrant: two nodes asking at once must not both generate the next key.
public sealed partial class SigningKeysGrain(
    [PersistentState("signing-keys", StorageNames.Default)] IPersistentState<SigningKeysState> ring,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<SigningKeysGrain> logger) : Grain, ISigningKeysGrain
{
    // 512 bits: HS256 keys should be at least as long as the hash's block.
    private const int SecretBytes = 64;

    public async Task<SigningKeySet> GetAsync(KeyRotationPolicy policy)
    {
        if (policy.RotateAfter <= TimeSpan.Zero || policy.Overlap < TimeSpan.Zero || policy.Lead < TimeSpan.Zero || policy.Lead >= policy.RotateAfter)
        {
            throw DomainException.InvalidInput("policy", "Keys rotate after a positive time, longer than the lead; overlap and lead are not negative.");
        }

        var now = time.GetUtcNow();
        var keys = ring.State.Keys.Where(k => k.AcceptedUntil is not { } until || until > now).ToList();
        var changed = keys.Count != ring.State.Keys.Count;
        if (keys.Count == 0)
        {
            keys.Add(NewKey(now));
            changed = true;
        }

        var current = Current(keys, now);
        var successor = keys.Any(k => k.SignsFrom > current.SignsFrom);
        if (!successor && now - current.SignsFrom >= policy.RotateAfter - policy.Lead)
        {
            var next = NewKey(Max(now + policy.Lead, current.SignsFrom + policy.RotateAfter));
            keys[keys.IndexOf(current)] = current with { AcceptedUntil = next.SignsFrom + policy.Overlap };
            keys.Add(next);
            changed = true;
            LogRotation(logger, next.Kid, next.SignsFrom, current.Kid, next.SignsFrom + policy.Overlap);
        }

        if (changed)
        {
            ring.State = ring.State with { Keys = keys };
            await ring.WriteStateAsync();
        }

        return new SigningKeySet(keys, Current(keys, now).Kid);
    }

    private static SigningKeyMaterial Current(List<SigningKeyMaterial> keys, DateTimeOffset now) =>
        keys.Where(k => k.SignsFrom <= now).MaxBy(k => k.SignsFrom) ?? keys.MinBy(k => k.SignsFrom)!;

    private static SigningKeyMaterial NewKey(DateTimeOffset signsFrom) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), RandomNumberGenerator.GetBytes(SecretBytes), signsFrom, null);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {Kid} signs from {SignsFrom}; key {OldKid} is accepted until {AcceptedUntil}")]
    private static partial void LogRotation(ILogger logger, string kid, DateTimeOffset signsFrom, string oldKid, DateTimeOffset acceptedUntil);
}
