using System.Net;
using System.Security.Claims;
using System.Text;
using LiveStreamX.Api.Identity;
using LiveStreamX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>Access tokens that must never work: each is a 401 with a code, over HTTP and at the hub.</summary>
[Collection(AppCollection.Name)]
public sealed class BadAccessTokens(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    public static TheoryData<string> Kinds => ["forged", "expired", "unknown-kid", "no-kid", "alg-none", "other-issuer", "other-algorithm"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ABadTokenIsRefusedWithACode(string kind)
    {
        var user = await App.SignInAsync();
        var token = Make(kind, user.Id, user.Handle);

        using var http = App.Http(token);
        using var me = await http.GetAsync("/api/me").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("unauthorized", await RefreshCookies.CodeAsync(me));

        await using var hub = App.Hub(user with { Token = token });
        await Assert.ThrowsAnyAsync<Exception>(() => hub.Connection.StartAsync().WithTimeout());
    }

    [Fact]
    public async Task TheSameClaimsWithTheNodesKeyWork()
    {
        var user = await App.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, await RefreshCookies.MeAsync(App, Make("good", user.Id, user.Handle)));
    }

    private string Make(string kind, string userId, string handle)
    {
        var signing = App.Services.GetRequiredService<SigningKeyRing>().Signing;
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "livestreamx",
            Audience = "livestreamx",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", handle), new Claim("role", "admin")]),
            SigningCredentials = signing,
        };
        var own = (SymmetricSecurityKey)signing.Key;
        switch (kind)
        {
            case "forged":
                descriptor.SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(Encoding.UTF8.GetBytes("an-attackers-key-of-enough-length-0123456789")) { KeyId = own.KeyId },
                    SecurityAlgorithms.HmacSha256);
                break;
            case "expired":
                descriptor.IssuedAt = descriptor.NotBefore = now.AddHours(-2);
                descriptor.Expires = now.AddHours(-1);
                break;
            case "unknown-kid":
                descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(own.Key) { KeyId = "not-a-key-of-ours" }, SecurityAlgorithms.HmacSha256);
                break;
            case "no-kid":
                descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(own.Key), SecurityAlgorithms.HmacSha256);
                break;
            case "other-algorithm":
                descriptor.SigningCredentials = new SigningCredentials(own, SecurityAlgorithms.HmacSha384);
                break;
            case "other-issuer":
                descriptor.Issuer = "someone-else";
                break;
            case "alg-none":
                var payload = new JsonWebTokenHandler().CreateToken(descriptor).Split('.')[1];
                var header = Base64Url($$"""{"alg":"none","typ":"JWT","kid":"{{own.KeyId}}"}""");
                return $"{header}.{payload}.";
        }

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
