namespace LiveStreamX.Identity;

/// <summary>The sign-in providers a user has linked, at most one account per provider. Key: user id.</summary>
[Alias("lsx.IUserLoginsGrain")]
public interface IUserLoginsGrain : IGrainWithStringKey
{
    /// <summary>The linked logins, oldest first.</summary>
    [Alias("Get"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<ExternalLogin>> GetAsync();

    /// <summary>Adds a login once; another account of a provider already linked is a <c>conflict</c>.</summary>
    [Alias("Add")]
    Task AddAsync(ExternalLogin login);

    /// <summary>Removes a login; the last one stays (<c>conflict</c>): an account must keep a way to sign in.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string provider, string subject);
}
