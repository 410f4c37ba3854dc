namespace LiveStreamX.Users;

/// <summary>What a user may do: watch and chat, also run streams, or everything.</summary>
public enum Role
{
    Viewer = 0,
    Creator = 1,
    Admin = 2,

    /// <summary>LiveStreamX itself, for system lines in chat; never a signed-in user.</summary>
    System = 3,
}
