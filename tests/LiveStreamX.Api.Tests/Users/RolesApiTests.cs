using System.Net;
using System.Text.Json;
using LiveStreamX.Api.Identity;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.Users;

[Collection(AppCollection.Name)]
public sealed class RolesApiTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AnAdminChangesARoleAndTheChangeIsAudited()
    {
        var admin = App.Admin();
        var user = await App.SignInAsync();
        using var http = App.Http(admin.Token);

        using var response = await http.PutAsJsonAsync($"/api/admin/users/{user.Id}/roles", new { role = "creator", reason = "verified streamer" }).WithTimeout();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var seen = await App.Http().GetFromJsonAsync<JsonElement>($"/api/users/{user.Id}").WithTimeout();
        var audit = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=role-change&targetUserId={user.Id}").WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("viewer", body.GetProperty("from").GetString());
        Assert.Equal("creator", body.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal("creator", seen.GetProperty("role").GetString());
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.Equal(admin.Id, entry.GetProperty("actorId").GetString());
        Assert.Equal(admin.Handle, entry.GetProperty("actorHandle").GetString());
        Assert.Equal("viewer -> creator", entry.GetProperty("target").GetString());
        Assert.Equal("verified streamer", entry.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task GivingTheSameRoleAgainChangesAndAuditsNothing()
    {
        var admin = App.Admin();
        var user = await App.SignInAsync("creator");
        using var http = App.Http(admin.Token);

        using var response = await http.PutAsJsonAsync($"/api/admin/users/{user.Id}/roles", new { role = "creator" }).WithTimeout();
        var audit = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?targetUserId={user.Id}").WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(audit.GetProperty("entries").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"role":"root"}""", HttpStatusCode.BadRequest, "invalid_input")]
    [InlineData("""{"role":"system"}""", HttpStatusCode.BadRequest, "invalid_input")]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "invalid_input")]
    [InlineData("""{"role":"admin","reason":"REASON"}""", HttpStatusCode.BadRequest, "invalid_input")]
    public async Task ABadRoleChangeIsRefusedAndChangesNothing(string json, HttpStatusCode status, string code)
    {
        var admin = App.Admin();
        var user = await App.SignInAsync();
        using var http = App.Http(admin.Token);

        var (answer, problem) = await Refusals.SendAsync(http, HttpMethod.Put, $"/api/admin/users/{user.Id}/roles", json.Replace("REASON", new string('r', 501), StringComparison.Ordinal));
        var seen = await App.Http().GetFromJsonAsync<JsonElement>($"/api/users/{user.Id}").WithTimeout();
        var audit = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?targetUserId={user.Id}").WithTimeout();

        Assert.Equal(status, answer);
        Assert.Equal(code, problem.Code());
        Assert.Equal("viewer", seen.GetProperty("role").GetString());
        Assert.Empty(audit.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task OnlyAnAdminChangesRolesAndNeverTheirOwn()
    {
        var user = await App.SignInAsync();
        var creator = await App.SignInAsync("creator");
        using var asCreator = App.Http(creator.Token);
        var promoted = await App.SignInAsync();
        using var asAdmin = App.Http(App.Admin().Token);
        (await asAdmin.PutAsJsonAsync($"/api/admin/users/{promoted.Id}/roles", new { role = "admin" }).WithTimeout()).EnsureSuccessStatusCode();
        // The promoted admin's new token: tokens carry the role they were issued with.
        using var asPromoted = App.Http(App.Services.GetRequiredService<ITokenIssuer>()
            .Issue(new UserProfile(promoted.Id, promoted.Handle, Role.Admin, DateTimeOffset.UtcNow)).Token);

        var (byCreator, creatorProblem) = await Refusals.SendAsync(asCreator, HttpMethod.Put, $"/api/admin/users/{user.Id}/roles", """{"role":"admin"}""");
        var (anonymous, _) = await Refusals.SendAsync(App.Http(), HttpMethod.Put, $"/api/admin/users/{user.Id}/roles", """{"role":"admin"}""");
        var (own, ownProblem) = await Refusals.SendAsync(asPromoted, HttpMethod.Put, $"/api/admin/users/{promoted.Id}/roles", """{"role":"viewer"}""");
        var (unknown, unknownProblem) = await Refusals.SendAsync(asAdmin, HttpMethod.Put, $"/api/admin/users/{TestIds.User()}/roles", """{"role":"viewer"}""");

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (byCreator, creatorProblem.Code()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal((HttpStatusCode.Conflict, "conflict"), (own, ownProblem.Code()));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (unknown, unknownProblem.Code()));
    }
}
