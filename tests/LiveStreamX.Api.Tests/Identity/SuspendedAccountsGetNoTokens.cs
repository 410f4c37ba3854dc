using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>A suspension stops new access tokens: refresh and sign-in are refused while it lasts, and work after it.</summary>
[Collection(AppCollection.Name)]
public sealed class SuspendedAccountsGetNoTokens(AppFixture fixture)
{
    [Fact]
    public async Task ASuspendedAccountCannotRefreshOrSignInUntilTheSuspensionIsLifted()
    {
        var (signedIn, cookie) = await RefreshCookies.DevLoginAsync(fixture.App);
        var userId = signedIn.GetProperty("user").GetProperty("id").GetString()!;
        var handle = signedIn.GetProperty("user").GetProperty("handle").GetString()!;
        using var admin = fixture.App.Http(fixture.App.Admin().Token);
        using (var suspended = await admin.PutAsJsonAsync($"/api/admin/users/{userId}/suspension", new { reason = "abuse" }).WithTimeout())
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }

        using (var refused = await RefreshCookies.PostAsync(fixture.App, "/api/auth/refresh", cookie))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("forbidden", await RefreshCookies.CodeAsync(refused));
        }

        using (var http = fixture.App.Http())
        using (var signIn = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle, role = "viewer" }).WithTimeout())
        {
            Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
            Assert.Equal("forbidden", await RefreshCookies.CodeAsync(signIn));
        }

        using (var lifted = await admin.DeleteAsync($"/api/admin/users/{userId}/suspension").WithTimeout())
        {
            Assert.True(lifted.IsSuccessStatusCode, $"lifting answered {lifted.StatusCode}");
        }

        // The session was kept: the same cookie works again.
        using var again = await RefreshCookies.PostAsync(fixture.App, "/api/auth/refresh", cookie);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
