using Orleans.Concurrency;

namespace LiveStreamX.Users;

/// <summary>
/// What a user tells about themselves: display name, bio, avatar, social links. Apart from <see cref="IUserGrain"/>
/// so an edit never rewrites the account, and a chat message never reads the bio. Key: user id.
/// </summary>
[Alias("lsx.IProfileGrain")]
public interface IProfileGrain : IGrainWithStringKey
{
    /// <summary>The details as they are (empty until the user first edits them). A pure read: it interleaves.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<ProfileDetails> GetAsync();

    /// <summary>Applies the fields the change names (null keeps a field, an empty text or list clears it), all or none.</summary>
    [Alias("Update")]
    Task<ProfileDetails> UpdateAsync(ProfileChange change);

    /// <summary>Shows the avatar the user uploaded, by its version (so caches see a new one).</summary>
    [Alias("UseUploadedAvatar")]
    Task<ProfileDetails> UseUploadedAvatarAsync(int version);
}

/// <summary>An uploaded avatar picture, kept apart from the profile: its bytes are read only by the picture's own URL. Key: user id.</summary>
[Alias("lsx.IAvatarGrain")]
public interface IAvatarGrain : IGrainWithStringKey
{
    /// <summary>Stores the picture (checked: a PNG, JPEG, GIF or WebP of at most <see cref="ProfileRules.MaxAvatarBytes"/>); returns its version.</summary>
    [Alias("Set")]
    Task<int> SetAsync(byte[] image);

    /// <summary>The picture, or null when none was uploaded.</summary>
    [Alias("Get"), ReadOnly]
    Task<AvatarImage?> GetAsync();
}

/// <summary>A user's public details.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ProfileDetails")]
public sealed record ProfileDetails(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? Bio,
    [property: Id(2)] string? AvatarUrl,
    [property: Id(3)] IReadOnlyList<SocialLink> Links,
    [property: Id(4)] DateTimeOffset? UpdatedAt)
{
    public static readonly ProfileDetails Empty = new(null, null, null, [], null);
}

/// <summary>A link to the user elsewhere: a label people read and an https address.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SocialLink")]
public sealed record SocialLink([property: Id(0)] string Label, [property: Id(1)] string Url);

/// <summary>An edit of <see cref="ProfileDetails"/>: a null field stays as it is; an empty text or list clears it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.ProfileChange")]
public sealed record ProfileChange(
    [property: Id(0)] string? DisplayName = null,
    [property: Id(1)] string? Bio = null,
    [property: Id(2)] string? AvatarUrl = null,
    [property: Id(3)] IReadOnlyList<SocialLink>? Links = null);

/// <summary>An uploaded picture and what it is.</summary>
[GenerateSerializer, Immutable, Alias("lsx.AvatarImage")]
public sealed record AvatarImage([property: Id(0)] byte[] Bytes, [property: Id(1)] string ContentType, [property: Id(2)] int Version);
