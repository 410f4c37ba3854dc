using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;

namespace LiveStreamX.Grains.Identity;

/// <summary>A user's linked sign-in providers, in their own state so that a link never rewrites the profile.</summary>
// Non-reentrant: "never the last one" is checked and applied in one turn.
public sealed class UserLoginsGrain(
    [PersistentState("userLogins", StorageNames.Default)] IPersistentState<UserLoginsState> logins) : Grain, IUserLoginsGrain
{
    public Task<IReadOnlyList<ExternalLogin>> GetAsync() => Task.FromResult<IReadOnlyList<ExternalLogin>>(logins.State.Logins);

    public async Task AddAsync(ExternalLogin login)
    {
        if (logins.State.Logins.Any(l => l.Key == login.Key))
        {
            return;
        }

        if (logins.State.Logins.Any(l => l.Provider == login.Provider))
        {
            throw new DomainException(ErrorCodes.Conflict, $"Another {login.Provider} account is linked already; unlink it first.");
        }

        logins.State = logins.State with { Logins = [.. logins.State.Logins, login] };
        await logins.WriteStateAsync();
    }

    public async Task RemoveAsync(string provider, string subject)
    {
        var key = ExternalLogin.KeyOf(provider, subject);
        if (!logins.State.Logins.Any(l => l.Key == key))
        {
            throw DomainException.NotFound($"No {provider} account of yours is linked.");
        }

        if (logins.State.Logins.Length == 1)
        {
            throw new DomainException(ErrorCodes.Conflict, "This is your only way to sign in: link another provider before unlinking it.");
        }

        logins.State = logins.State with { Logins = [.. logins.State.Logins.Where(l => l.Key != key)] };
        await logins.WriteStateAsync();
    }
}
