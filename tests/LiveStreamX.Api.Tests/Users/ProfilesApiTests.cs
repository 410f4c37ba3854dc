using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveStreamX.Api.Tests.Hardening;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Users;

[Collection(AppCollection.Name)]
public sealed class ProfilesApiTests(AppFixture fixture)
{
    // The smallest PNG: the signature, an IHDR chunk for a 1×1 picture, IDAT and IEND.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AUserEditsTheirProfileAndAnyoneSeesIt()
    {
        var user = await App.SignInAsync("creator");
        using var me = App.Http(user.Token);

        using var edited = await me.PatchAsJsonAsync("/api/me/profile", new
        {
            displayName = "  Ada Lovelace ",
            bio = "Streams maths.",
            avatarUrl = "https://images.example/ada.png",
            links = new[] { new { label = "Site", url = "https://ada.example" } },
        }).WithTimeout();
        using var anonymous = App.Http();
        var seen = await anonymous.GetFromJsonAsync<JsonElement>($"/api/users/{user.Id}").WithTimeout();

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(user.Handle, seen.GetProperty("handle").GetString());
        Assert.Equal("creator", seen.GetProperty("role").GetString());
        Assert.Equal("Ada Lovelace", seen.GetProperty("displayName").GetString());
        Assert.Equal("Streams maths.", seen.GetProperty("bio").GetString());
        Assert.Equal("https://images.example/ada.png", seen.GetProperty("avatarUrl").GetString());
        Assert.Equal("https://ada.example", seen.GetProperty("links")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task AFieldLeftOutStaysAndAnEmptyOneIsCleared()
    {
        var user = await App.SignInAsync();
        using var me = App.Http(user.Token);
        (await me.PatchAsJsonAsync("/api/me/profile", new { displayName = "Bob", bio = "Hi" }).WithTimeout()).EnsureSuccessStatusCode();

        using var response = await me.PatchAsJsonAsync("/api/me/profile", new { bio = "" }).WithTimeout();
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Bob", profile.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("bio").ValueKind);
    }

    [Theory]
    [InlineData("""{"displayName":"\u200B\u200B"}""", "displayName")]
    [InlineData("""{"bio":"BIO"}""", "bio")]
    [InlineData("""{"avatarUrl":"javascript:alert(1)"}""", "avatarUrl")]
    [InlineData("""{"avatarUrl":"http://plain.example/a.png"}""", "avatarUrl")]
    [InlineData("""{"avatarUrl":"https://user:pw@evil.example/a.png"}""", "avatarUrl")]
    [InlineData("""{"links":[{"label":"x","url":"ftp://files.example"}]}""", "links[0].url")]
    [InlineData("""{"links":[{"label":"","url":"https://a.example"}]}""", "links[0].label")]
    [InlineData("""{"links":[null]}""", "links[0].label")]
    [InlineData("""{"links":[{"label":"1","url":"https://a.example"},{"label":"2","url":"https://a.example"},{"label":"3","url":"https://a.example"},{"label":"4","url":"https://a.example"},{"label":"5","url":"https://a.example"},{"label":"6","url":"https://a.example"}]}""", "links")]
    public async Task ABadEditIsRefusedNamingTheFieldAndChangesNothing(string json, string field)
    {
        var user = await App.SignInAsync();
        using var me = App.Http(user.Token);
        (await me.PatchAsJsonAsync("/api/me/profile", new { displayName = "Kept", bio = "Kept bio" }).WithTimeout()).EnsureSuccessStatusCode();

        var (status, problem) = await Refusals.SendAsync(me, HttpMethod.Patch, "/api/me/profile", json.Replace("BIO", new string('b', 301), StringComparison.Ordinal));
        var after = await me.GetFromJsonAsync<JsonElement>($"/api/users/{user.Id}").WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", problem.Code());
        Assert.Contains(field, problem.Fields());
        Assert.Equal("Kept", after.GetProperty("displayName").GetString());
        Assert.Equal("Kept bio", after.GetProperty("bio").GetString());
    }

    [Fact]
    public async Task AnUploadedAvatarIsServedFromItsOwnVersionedAddress()
    {
        var user = await App.SignInAsync();
        using var me = App.Http(user.Token);

        using var upload = new ByteArrayContent(Png);
        upload.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var uploaded = await me.PostAsync("/api/me/avatar", upload).WithTimeout();
        var profile = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var url = profile.GetProperty("avatarUrl").GetString()!;
        using var anonymous = App.Http();
        using var picture = await anonymous.GetAsync(url).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal($"/api/users/{user.Id}/avatar?v=1", url);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await picture.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", picture.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AnUploadThatIsNotAPictureOrTooLargeIsRefused()
    {
        var user = await App.SignInAsync();
        using var me = App.Http(user.Token);

        using var html = new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray());
        html.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var notAPicture = await me.PostAsync("/api/me/avatar", html).WithTimeout();
        var huge = new byte[300 * 1024];
        Png.CopyTo(huge, 0);
        using var big = new ByteArrayContent(huge);
        big.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var tooLarge = await me.PostAsync("/api/me/avatar", big).WithTimeout();
        var profile = await me.GetFromJsonAsync<JsonElement>($"/api/users/{user.Id}").WithTimeout();
        using var anonymous = App.Http();
        using var none = await anonymous.GetAsync($"/api/users/{user.Id}/avatar").WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, notAPicture.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("avatarUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task AnUnknownUserIsNotFoundAndAnonymousEditsAreUnauthorized()
    {
        using var anonymous = App.Http();

        var (unknown, problem) = await Refusals.SendAsync(anonymous, HttpMethod.Get, $"/api/users/{TestIds.User()}", null);
        var (edit, editProblem) = await Refusals.SendAsync(anonymous, HttpMethod.Patch, "/api/me/profile", """{"bio":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("not_found", problem.Code());
        Assert.Equal(HttpStatusCode.Unauthorized, edit);
        Assert.Equal("unauthorized", editProblem.Code());
    }
}
