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
        if (!Handles.IsValid(handle) || Handles.Normalize(handle) != this.GetPrimaryKeyString())
        {
            throw DomainException.InvalidInput("handle", Handles.Rule);
        }

        if (claim.State.UserId is null)
        {
            // The claim is stored before the user exists, so a crash in between leaves a claim that the next
            // sign-in completes, never a user without a claim.
            claim.State = new HandleState { UserId = "u_" + Guid.NewGuid().ToString("N") };
            await claim.WriteStateAsync();
        }

        var user = GrainFactory.Get<IUserGrain>(claim.State.UserId);
        var profile = await user.GetProfileAsync() ?? await user.RegisterAsync(handle, role);
        if (profile.Role != role)
        {
            throw new DomainException(ErrorCodes.Conflict, $"The handle '{profile.Handle}' is taken.") { Field = "handle" };
        }

        return profile;
    }
}
