using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Identity;

/// <summary>The index from a provider's account to its user; the user's own list is the truth (<see cref="UserLoginsGrain"/>).</summary>
// Non-reentrant: a sign-up and a link of one provider account must not both win.
public sealed class ExternalLoginGrain(
    [PersistentState("externalLogin", StorageNames.Default)] IPersistentState<ExternalLoginState> binding) : Grain, IExternalLoginGrain
{
    public async Task<UserProfile?> FindUserAsync()
    {
        if (binding.State.UserId is not { } userId)
        {
            return null;
        }

        // An unlink removes the login from the user's list before it clears this index: a crash in between must
        // not let the unlinked account sign in, so the list has the last word.
        var logins = await GrainFactory.Get<IUserLoginsGrain>(userId).GetAsync();
        if (!logins.Any(l => l.Key == this.GetPrimaryKeyString()))
        {
            await ClearAsync();
            return null;
        }

        return await GrainFactory.Get<IUserGrain>(userId).GetProfileAsync();
    }

    public async Task<UserProfile> SignUpAsync(string handle, Role role, ExternalLogin login)
    {
        CheckKey(login);
        if (await FindUserAsync() is { } existing)
        {
            return existing;
        }

        var profile = await GrainFactory.Get<IHandleGrain>(Handles.Normalize(handle)).ClaimNewAsync(handle, role, login.Key);
        await GrainFactory.Get<IUserLoginsGrain>(profile.Id).AddAsync(login);
        await BindAsync(profile.Id);
        return profile;
    }

    public async Task LinkAsync(string userId, ExternalLogin login)
    {
        CheckKey(login);
        if (await FindUserAsync() is { } owner && owner.Id != userId)
        {
            throw new DomainException(ErrorCodes.Conflict, $"This {login.Provider} account is linked to another user.");
        }

        await GrainFactory.Get<IUserLoginsGrain>(userId).AddAsync(login);
        await BindAsync(userId);
    }

    public async Task UnlinkAsync(string userId)
    {
        var (provider, subject) = Split(this.GetPrimaryKeyString());
        if (binding.State.UserId != userId)
        {
            throw DomainException.NotFound($"No {provider} account of yours is linked.");
        }

        await GrainFactory.Get<IUserLoginsGrain>(userId).RemoveAsync(provider, subject);
        await ClearAsync();
    }

    private async Task BindAsync(string userId)
    {
        if (binding.State.UserId != userId)
        {
            binding.State = new ExternalLoginState { UserId = userId };
            await binding.WriteStateAsync();
        }
    }

    private Task ClearAsync()
    {
        binding.State = new ExternalLoginState();
        return binding.ClearStateAsync();
    }

    private void CheckKey(ExternalLogin login)
    {
        if (login.Key != this.GetPrimaryKeyString())
        {
            throw DomainException.InvalidInput("login", "The login is not this grain's.");
        }
    }

    private static (string Provider, string Subject) Split(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..colon], key[(colon + 1)..]);
    }
}
