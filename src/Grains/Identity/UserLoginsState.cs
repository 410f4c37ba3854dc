using LiveStreamX.Identity;

namespace LiveStreamX.Grains.Identity;

/// <summary>The logins a user has linked.</summary>
[GenerateSerializer, Alias("lsx.UserLoginsState")]
public sealed record UserLoginsState
{
    [Id(0)]
    public ExternalLogin[] Logins { get; init; } = [];
}
