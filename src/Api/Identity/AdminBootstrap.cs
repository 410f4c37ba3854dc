using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Users;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Identity;

/// <summary>
/// Makes the accounts named in <c>LSX:Auth:Admins</c> admins when they sign in, so that a deployment has an admin
/// without a database edit. A grant is persisted (the role then shows everywhere) and audited.
/// </summary>
public sealed partial class AdminBootstrap(IOptions<AuthOptions> options, IGrainFactory grains, TimeProvider time, ILogger<AdminBootstrap> logger)
{
    /// <summary>The audit action of a grant from the settings.</summary>
    public const string GrantAction = "admin-grant";

    /// <summary>Whether the settings name this account: by handle, or by <c>provider:subject</c> for a provider sign-in.</summary>
    public bool Names(UserProfile user, string method, string? subject)
    {
        if (method == SignInMethods.Dev)
        {
            // Anyone can dev-login as any handle, so a handle listed here must not turn that into an admin.
            return false;
        }

        // Blank entries are skipped: a deployment template may leave LSX__Auth__Admins__0 empty.
        foreach (var entry in options.Value.Admins.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var named = colon < 0
                ? string.Equals(entry.Trim(), user.Handle, StringComparison.OrdinalIgnoreCase)
                : subject is not null && string.Equals(entry[..colon].Trim(), method, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(entry[(colon + 1)..].Trim(), subject, StringComparison.Ordinal);
            if (named)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The profile to sign in with: made admin first when the settings name it.</summary>
    public async Task<UserProfile> ApplyAsync(UserProfile user, string method, string? subject)
    {
        if (user.Role == Role.Admin || !Names(user, method, subject))
        {
            return user;
        }

        var admin = await grains.Get<IUserGrain>(user.Id).GrantAdminAsync();
        LogGranted(logger, user.Id, user.Handle);
        await grains.Get<IAuditLogGrain>(AuditScopes.Platform).AppendAsync(new AuditEntry(
            "system", "settings", GrantAction, user.Id, user.Handle, null, null, $"{AuthOptions.Section}:Admins ({method} sign-in)", time.GetUtcNow()));
        return admin;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} ({Handle}) is an admin now: named in LSX:Auth:Admins")]
    private static partial void LogGranted(ILogger logger, string userId, string handle);
}

/// <summary>The ways of signing in a session records; a provider sign-in records the provider's name.</summary>
public static class SignInMethods
{
    public const string Dev = "dev";
}
