using LiveStreamX.Users;

namespace LiveStreamX.Identity;

/// <summary>Which user an account at a sign-in provider belongs to. Key: <see cref="ExternalLogin.Key"/>.</summary>
[Alias("lsx.IExternalLoginGrain")]
public interface IExternalLoginGrain : IGrainWithStringKey
{
    /// <summary>The user this login signs in as, or null when it belongs to no one yet.</summary>
    [Alias("FindUser")]
    Task<UserProfile?> FindUserAsync();

    /// <summary>
    /// Creates the account of a first sign-in under a new handle, once: a second call returns the same user; a handle
    /// someone else holds is a <c>conflict</c>.
    /// </summary>
    [Alias("SignUp")]
    Task<UserProfile> SignUpAsync(string handle, Role role, ExternalLogin login);

    /// <summary>Links this login to a signed-in user; <c>conflict</c> when it belongs to another user.</summary>
    [Alias("Link")]
    Task LinkAsync(string userId, ExternalLogin login);

    /// <summary>Unlinks this login from its user, never the user's last one (<c>conflict</c>).</summary>
    [Alias("Unlink")]
    Task UnlinkAsync(string userId);
}
