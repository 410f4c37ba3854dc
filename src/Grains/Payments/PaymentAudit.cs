using System.Security.Cryptography;
using System.Text;
using LiveStreamX.Audit;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Payments;

/// <summary>What money flows write to the platform's audit log, and the idempotency keys they derive.</summary>
internal static class PaymentAudit
{
    /// <summary>Stripe, as the actor of what its webhooks cause.</summary>
    public static readonly Actor Stripe = new("stripe", "stripe", Role.Admin);

    public static Task AppendAsync(IGrainFactory grains, Actor actor, string action, string? targetUserId, string target, string? reason, string? creatorId = null) =>
        grains.GetGrain<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(
            new AuditEntry(actor.UserId, actor.Handle, action, targetUserId, target, StreamId: null, creatorId, reason, default));

    /// <summary>A wallet idempotency key (8–64 of [A-Za-z0-9_-]) for any text, such as a Stripe id of any length.</summary>
    public static string Key(string prefix, string text) =>
        prefix + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
