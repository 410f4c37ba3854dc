using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Users;

/// <summary>Hands out each handle once.</summary>
// Non-reentrant: two sign-ups for one handle must not both win.
public sealed class HandleGrain(
    [PersistentState("handle", StorageNames.Default)] IPersistentState<HandleState> claim) : Grain, IHandleGrain
{
    public async Task<UserProfile> ClaimAsync(string handle, Role role)
    {
        Validate(handle);
        if (claim.State.Claimant is not null)
        {
            // An account made through a sign-in provider signs in only through its providers.
            throw Taken(handle);
        }

        var profile = await RegisterAsync(handle, role, claimant: null);
        if (profile.Role != role)
        {
            throw Taken(profile.Handle);
        }

        return profile;
    }

    public async Task<UserProfile> ClaimNewAsync(string handle, Role role, string claimant)
    {
        Validate(handle);
        if (claim.State.UserId is not null && claim.State.Claimant != claimant)
        {
            throw Taken(handle);
        }

        return await RegisterAsync(handle, role, claimant);
    }

    private async Task<UserProfile> RegisterAsync(string handle, Role role, string? claimant)
    {
        if (claim.State.UserId is null)
        {
            // The claim is stored before the user exists, so a crash in between leaves a claim that the next
            // sign-in completes, never a user without a claim.
            claim.State = new HandleState { UserId = "u_" + Guid.NewGuid().ToString("N"), Claimant = claimant };
            await claim.WriteStateAsync();
        }

        var user = GrainFactory.Get<IUserGrain>(claim.State.UserId);
        return await user.GetProfileAsync() ?? await user.RegisterAsync(handle, role);
    }

    private void Validate(string handle)
    {
        if (!Handles.IsValid(handle) || Handles.Normalize(handle) != this.GetPrimaryKeyString())
        {
            throw DomainException.InvalidInput("handle", Handles.Rule);
        }
    }

    private static DomainException Taken(string handle) =>
        new(ErrorCodes.Conflict, $"The handle '{handle}' is taken.") { Field = "handle" };
}
