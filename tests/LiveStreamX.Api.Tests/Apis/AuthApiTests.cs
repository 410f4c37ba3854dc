using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Apis;

[Collection(AppCollection.Name)]
public sealed class AuthApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task DevLoginReturnsASignedTokenAndTheUser()
    {
        var handle = TestIds.Handle();
        using var http = App.Http();
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle, role = "creator" }).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(handle, body.GetProperty("user").GetProperty("handle").GetString());
        Assert.Equal("creator", body.GetProperty("user").GetProperty("role").GetString());
        Assert.StartsWith("u_", body.GetProperty("user").GetProperty("id").GetString(), StringComparison.Ordinal);
        var token = body.GetProperty("accessToken").GetString()!;
        Assert.Equal(3, token.Split('.').Length);

        using var me = App.Http(token);
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/me").WithTimeout();
        Assert.Equal(handle, profile.GetProperty("handle").GetString());
    }

    [Fact]
    public async Task SigningInAgainWithTheSameHandleIsTheSameUser()
    {
        var first = await App.SignInAsync("viewer");
        var second = await App.SignInAsync("viewer", first.Handle.ToUpperInvariant());
        Assert.Equal(first.Id, second.Id);
    }

    [Theory]
    [InlineData("ab", "viewer", "handle")]
    [InlineData("has space", "viewer", "handle")]
    [InlineData("abcdefghijklmnopqrstuvwxy", "viewer", "handle")]
    [InlineData("good_handle", "admin", "role")]
    [InlineData("good_handle", "root", "role")]
    [InlineData(null, null, "handle")]
    public async Task ABadSignInIsAValidationProblemNamingTheField(string? handle, string? role, string field)
    {
        using var http = App.Http();
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle, role }).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AMalformedBodyIsAProblemNotACrash()
    {
        using var http = App.Http();
        using var response = await http.PostAsync("/api/auth/dev-login", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AHandleTakenWithAnotherRoleIsAConflict()
    {
        var viewer = await App.SignInAsync("viewer");
        using var http = App.Http();
        using var response = await http.PostAsJsonAsync("/api/auth/dev-login", new { handle = viewer.Handle, role = "creator" }).WithTimeout();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("conflict", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MeNeedsAToken()
    {
        using var http = App.Http();
        using var anonymous = await http.GetAsync("/api/me").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var forged = App.Http("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1X3gifQ.c2lnbmF0dXJl");
        using var rejected = await forged.GetAsync("/api/me").WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
    }
}
