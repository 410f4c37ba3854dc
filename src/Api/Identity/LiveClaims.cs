using System.Security.Claims;
using LiveStreamX.Users;

namespace LiveStreamX.Api.Identity;

/// <summary>The claims LiveStreamX reads, and the way from a principal to an <see cref="Actor"/>.</summary>
public static class LiveClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The session (refresh-token family) an access token was issued for.</summary>
    public const string Session = "sid";

    /// <summary>The signed-in user, or null for an anonymous caller.</summary>
    public static Actor? ToActor(this ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirst(Subject)?.Value;
        var handle = principal?.FindFirst(Name)?.Value;
        var role = principal?.FindFirst(Role)?.Value;
        if (id is null || handle is null || !TryParseRole(role, out var parsed))
        {
            return null;
        }

        return new Actor(id, handle, parsed);
    }

    public static string ToWire(this Users.Role role) => role switch
    {
        Users.Role.Viewer => "viewer",
        Users.Role.Creator => "creator",
        Users.Role.System => "system",
        _ => "admin",
    };

    public static bool TryParseRole(string? value, out Users.Role role)
    {
        switch (value)
        {
            case "viewer":
                role = Users.Role.Viewer;
                return true;
            case "creator":
                role = Users.Role.Creator;
                return true;
            case "admin":
                role = Users.Role.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
