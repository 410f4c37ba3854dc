using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Identity;
using LiveStreamX.Audit;
using LiveStreamX.Common;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>LSX:Auth:Admins names the accounts that become admins when they sign in; a dev-login never does.</summary>
public sealed class AdminBootstrapFromSettings : IDisposable
{
    private readonly string _adminHandle = TestIds.Handle("b");
    private readonly string _adminSubject = "sub-" + Guid.NewGuid().ToString("N");
    private readonly LiveStreamXApp _app;

    public AdminBootstrapFromSettings()
    {
        _app = new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Auth:Admins:0"] = _adminHandle,
            ["LSX:Auth:Admins:1"] = "test-oidc:" + _adminSubject,
        });
    }

    private IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    private SessionService Sessions => _app.Services.GetRequiredService<SessionService>();

    [Fact]
    public async Task AProviderSignInOfANamedHandleMakesAnAuditedAdmin()
    {
        var profile = await ClaimAsync(_adminHandle);

        var signedIn = await Sessions.StartSessionAsync(new DefaultHttpContext(), profile, "test-oidc", "someone-else").WithTimeout();

        Assert.Equal("admin", signedIn.User.Role);
        Assert.Equal(Role.Admin, (await Grains.Get<IUserGrain>(profile.Id).GetProfileAsync().WithTimeout())!.Role);
        using var http = _app.Http(signedIn.AccessToken);
        var me = await http.GetFromJsonAsync<JsonElement>("/api/me").WithTimeout();
        Assert.Equal("admin", me.GetProperty("role").GetString());

        var audit = await Grains.Get<IAuditLogGrain>(AuditScopes.Platform)
            .QueryAsync(new AuditQuery(Action: AdminBootstrap.GrantAction, TargetUserId: profile.Id)).WithTimeout();
        var entry = Assert.Single(audit.Entries).Entry;
        Assert.Equal("system", entry.ActorId);
        Assert.Contains("Admins", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderSubjectNamedInTheSettingsMakesAnAdminWhateverTheHandle()
    {
        var profile = await ClaimAsync(TestIds.Handle("s"));

        var other = await Sessions.StartSessionAsync(new DefaultHttpContext(), profile, "another-provider", _adminSubject).WithTimeout();
        Assert.Equal("viewer", other.User.Role);

        var named = await Sessions.StartSessionAsync(new DefaultHttpContext(), profile, "test-oidc", _adminSubject).WithTimeout();
        Assert.Equal("admin", named.User.Role);
    }

    [Fact]
    public async Task ADevLoginWithANamedHandleNeverMakesAnAdmin()
    {
        using var http = _app.Http();
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle = _adminHandle, role = "viewer" }).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
        Assert.Equal("viewer", body.GetProperty("user").GetProperty("role").GetString());
    }

    public void Dispose() => _app.Dispose();

    private Task<UserProfile> ClaimAsync(string handle) => Grains.Get<IHandleGrain>(Handles.Normalize(handle)).ClaimAsync(handle, Role.Viewer).WithTimeout();
}
