namespace LiveStreamX.Users;

/// <summary>Keeps handles unique: one owner per handle. Key: the handle in lower case.</summary>
[Alias("lsx.IHandleGrain")]
public interface IHandleGrain : IGrainWithStringKey
{
    /// <summary>Registers the handle to a new user with this role, or returns the user who already owns it.</summary>
    [Alias("Claim")]
    Task<UserProfile> ClaimAsync(string handle, Role role);

    /// <summary>
    /// Registers the handle to a new user for <paramref name="claimant"/> (an external login's key); a handle someone
    /// else holds is a <c>conflict</c>. Repeating the call for the same claimant returns the same user.
    /// </summary>
    [Alias("ClaimNew")]
    Task<UserProfile> ClaimNewAsync(string handle, Role role, string claimant);
}
