using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>Sign-in through a real OpenID Connect provider: the first time, again, and the callbacks it must refuse.</summary>
[Collection(ProvidersCollection.Name)]
public sealed class SignInWithProviderTests(ProvidersFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task OnlyConfiguredProvidersAreListed()
    {
        using var http = App.Http();
        var options = await http.GetFromJsonAsync<JsonElement>("/api/auth/providers").WithTimeout();

        Assert.True(options.GetProperty("devLogin").GetBoolean());
        Assert.Equal(["oidc:Test ID", "oidc2:oidc2"], options.GetProperty("providers").EnumerateArray().Select(p => $"{p.GetProperty("id")}:{p.GetProperty("name")}"));
    }

    [Fact]
    public async Task TheLoginSendsTheBrowserToTheProvidersAuthorizationEndpoint()
    {
        using var browser = new ProviderBrowser(App);
        var authorize = await browser.GetRedirectAsync(new Uri(App.BaseAddress, "/api/auth/login/oidc"));

        // The request itself went to the provider first (pushed authorization, RFC 9126), PKCE challenge and all:
        // the test provider requires PKCE of every client, so each sign-in that succeeds here used it.
        Assert.Equal(fixture.First.Issuer.Authority, authorize.Authority);
        Assert.Equal("/auth", authorize.AbsolutePath);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("lsx-oidc", query["client_id"]);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstSignInAsksForAHandleThenTheNextSignInIsTheSameUser()
    {
        var login = TestIds.Handle("l");
        using var browser = new ProviderBrowser(App);
        var callback = await browser.SignInAtProviderAsync("/api/auth/login/oidc?returnUrl=/studio", login);
        Assert.Equal("/signin/handle", (await browser.GetRedirectAsync(callback)).AbsolutePath);

        var pending = await browser.Http.GetFromJsonAsync<JsonElement>("/api/auth/signup").WithTimeout();
        Assert.Equal("oidc", pending.GetProperty("provider").GetString());
        Assert.Equal(login, pending.GetProperty("suggestedHandle").GetString());

        var handle = TestIds.Handle("o");
        using var signedUp = await browser.Http.PostAsJsonAsync("/api/auth/signup", new { handle }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, signedUp.StatusCode);
        var user = (await signedUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user");
        Assert.Equal(handle, user.GetProperty("handle").GetString());
        Assert.Equal("viewer", user.GetProperty("role").GetString());

        // The ticket is spent: the handle picker cannot make a second account.
        using var again = await browser.Http.PostAsJsonAsync("/api/auth/signup", new { handle = TestIds.Handle("o") }).WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        using var next = new ProviderBrowser(App);
        var completed = await next.GetRedirectAsync(await next.SignInAtProviderAsync("/api/auth/login/oidc?returnUrl=/studio", login));
        Assert.Equal("/signin/complete", completed.AbsolutePath);
        Assert.Equal("/studio", QueryHelpers.ParseQuery(completed.Query)["returnUrl"]);

        // The browser came back with a session: its refresh cookie buys the access token.
        Assert.NotNull(next.RefreshCookie);
        using var refreshed = await RefreshCookies.PostAsync(App, "/api/auth/refresh", next.RefreshCookie);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var session = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.GetProperty("id").GetString(), session.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AHandleSomeoneHoldsIsAConflictAndThePickerMayTryAnother()
    {
        var taken = await App.SignInAsync();
        using var browser = new ProviderBrowser(App);
        await browser.GetRedirectAsync(await browser.SignInAtProviderAsync("/api/auth/login/oidc", TestIds.Handle("l")));

        using var conflict = await browser.Http.PostAsJsonAsync("/api/auth/signup", new { handle = taken.Handle.ToUpperInvariant() }).WithTimeout();
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("conflict", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        using var ok = await browser.Http.PostAsJsonAsync("/api/auth/signup", new { handle = TestIds.Handle("o"), role = "creator" }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("creator", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("ab", null, "handle")]
    [InlineData("good_handle", "admin", "role")]
    [InlineData(null, null, "handle")]
    public async Task ABadHandleOrRoleIsAValidationProblemAndTheTicketStays(string? handle, string? role, string field)
    {
        using var browser = new ProviderBrowser(App);
        await browser.GetRedirectAsync(await browser.SignInAtProviderAsync("/api/auth/login/oidc", TestIds.Handle("l")));

        using var bad = await browser.Http.PostAsJsonAsync("/api/auth/signup", new { handle, role }).WithTimeout();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        using var pending = await browser.Http.GetAsync("/api/auth/signup").WithTimeout();
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
    }

    [Fact]
    public async Task ACallbackWithAWrongStateIsRefusedAndTheRightOneStillWorks()
    {
        using var browser = new ProviderBrowser(App);
        var callback = await browser.SignInAtProviderAsync("/api/auth/login/oidc", TestIds.Handle("l"));
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["state"] = query["state"]![..^4] + "AAAA";

        using var forged = await browser.Http.GetAsync(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query)).WithTimeout();
        await AssertProblemAsync(forged, HttpStatusCode.BadRequest, "invalid_input");

        Assert.Equal("/signin/handle", (await browser.GetRedirectAsync(callback)).AbsolutePath);
    }

    [Fact]
    public async Task AReplayedCallbackIsRefused()
    {
        using var browser = new ProviderBrowser(App);
        var callback = await browser.SignInAtProviderAsync("/api/auth/login/oidc", TestIds.Handle("l"));
        var cookies = browser.Cookies.GetAllCookies();
        Assert.Equal("/signin/handle", (await browser.GetRedirectAsync(callback)).AbsolutePath);

        // With the sign-in's cookies put back, as a thief who copied the whole browser would.
        browser.Cookies.Add(cookies);
        using var replay = await browser.Http.GetAsync(callback).WithTimeout();
        await AssertProblemAsync(replay, HttpStatusCode.BadRequest, "invalid_input");

        // From another browser, with no cookie of the sign-in, too.
        using var thief = new ProviderBrowser(App);
        using var stolen = await thief.Http.GetAsync(callback).WithTimeout();
        await AssertProblemAsync(stolen, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task ABrowserSentBackWithABadCallbackLandsOnTheSignInPageWithTheReason()
    {
        using var browser = new ProviderBrowser(App);
        var landed = await browser.GetRedirectAsync(new Uri(App.BaseAddress, "/api/auth/callback/oidc?code=x&state=y"), html: true);

        Assert.Equal("/signin", landed.AbsolutePath);
        Assert.Equal("invalid_input", QueryHelpers.ParseQuery(landed.Query)["error"]);
    }

    [Theory]
    [InlineData("/api/auth/login/nope")]
    [InlineData("/api/auth/login/google")]
    [InlineData("/api/auth/callback/nope?code=x&state=y")]
    public async Task AnUnknownOrUnconfiguredProviderIsNotFound(string path)
    {
        using var http = App.Http();
        using var response = await http.GetAsync(path).WithTimeout();
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task AReturnAddressOffTheSiteIsRefused(string returnUrl)
    {
        using var http = App.Http();
        using var response = await http.GetAsync("/api/auth/login/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl)).WithTimeout();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task NoSignInWaitingForAHandleIsNotFound()
    {
        using var http = App.Http();
        using var response = await http.PostAsJsonAsync("/api/auth/signup", new { handle = TestIds.Handle() }).WithTimeout();
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }
}
