using LiveStreamX.Grains.Hosting;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Grains.Users;

/// <summary>A user's public details, apart from the account so an edit rewrites only them.</summary>
// Non-reentrant: two edits apply one after the other, each to what the other left.
public sealed class ProfileGrain(
    [PersistentState("profile", StorageNames.Default)] IPersistentState<ProfileState> profile,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time) : Grain, IProfileGrain
{
    public Task<ProfileDetails> GetAsync() => Task.FromResult(profile.State.Details ?? ProfileDetails.Empty);

    public Task<ProfileDetails> UpdateAsync(ProfileChange change) =>
        SaveAsync(ProfileRules.Apply(profile.State.Details ?? ProfileDetails.Empty, change, time.GetUtcNow()));

    public Task<ProfileDetails> UseUploadedAvatarAsync(int version) =>
        SaveAsync((profile.State.Details ?? ProfileDetails.Empty) with
        {
            AvatarUrl = $"/api/users/{Uri.EscapeDataString(this.GetPrimaryKeyString())}/avatar?v={version}",
            UpdatedAt = time.GetUtcNow(),
        });

    private async Task<ProfileDetails> SaveAsync(ProfileDetails details)
    {
        var before = profile.State;
        profile.State = before with { Details = details };
        try
        {
            await profile.WriteStateAsync();
        }
        catch
        {
            profile.State = before;
            throw;
        }

        return details;
    }
}

/// <summary>An uploaded avatar picture; written only by an upload, read only by the picture's URL.</summary>
// Non-reentrant: versions count up one upload at a time.
public sealed class AvatarGrain(
    [PersistentState("avatar", StorageNames.Default)] IPersistentState<AvatarState> avatar) : Grain, IAvatarGrain
{
    public async Task<int> SetAsync(byte[] image)
    {
        if (image.Length is 0 or > ProfileRules.MaxAvatarBytes || ProfileRules.ImageType(image) is not { } type)
        {
            throw Common.DomainException.InvalidInput("avatar", ProfileRules.AvatarRule);
        }

        var before = avatar.State;
        var version = (before.Image?.Version ?? 0) + 1;
        avatar.State = new AvatarState { Image = new AvatarImage(image, type, version) };
        try
        {
            await avatar.WriteStateAsync();
        }
        catch
        {
            avatar.State = before;
            throw;
        }

        return version;
    }

    public Task<AvatarImage?> GetAsync() => Task.FromResult(avatar.State.Image);
}
