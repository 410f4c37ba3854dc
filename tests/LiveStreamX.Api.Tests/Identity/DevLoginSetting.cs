using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>LSX:Auth:DevLogin off: anyone-as-any-handle sign-in is gone, with a code that says so.</summary>
public sealed class DevLoginSetting
{
    [Fact]
    public async Task DevLoginTurnedOffIsNotFoundWithACode()
    {
        using var app = new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Auth:DevLogin"] = "false" });
        using var http = app.Http();

        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle = TestIds.Handle(), role = "viewer" }).WithTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", await RefreshCookies.CodeAsync(response));
        Assert.Null(RefreshCookies.SetCookie(response));
    }
}
