using System.Net;
using System.Text.Json;
using LiveStreamX.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>Linking further providers to an account, and unlinking them, never the last one.</summary>
[Collection(ProvidersCollection.Name)]
public sealed class LinkedProvidersTests(ProvidersFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task ALinkedProviderSignsInAsTheSameUserAndTheLastOneCannotBeUnlinked()
    {
        using var browser = new ProviderBrowser(App);
        var signedIn = await browser.SignUpAsync("oidc", TestIds.Handle("a"));
        using var me = App.Http(RefreshCookies.AccessToken(signedIn));

        var second = TestIds.Handle("b");
        var landed = await browser.GetRedirectAsync(await browser.SignInAtProviderAsync(await StartLinkAsync(browser, me, "oidc2"), second));
        Assert.Equal("/account", landed.AbsolutePath);
        Assert.Equal("oidc2", QueryHelpers.ParseQuery(landed.Query)["linked"]);
        Assert.Equal(["oidc", "oidc2"], await ProvidersAsync(me));

        using var other = new ProviderBrowser(App);
        Assert.Equal("/signin/complete", (await other.GetRedirectAsync(await other.SignInAtProviderAsync("/api/auth/login/oidc2", second))).AbsolutePath);
        using var refreshed = await RefreshCookies.PostAsync(App, "/api/auth/refresh", other.RefreshCookie);
        var session = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(signedIn.GetProperty("user").GetProperty("id").GetString(), session.GetProperty("user").GetProperty("id").GetString());

        using var unlinked = await me.DeleteAsync("/api/me/logins/oidc").WithTimeout();
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Equal(["oidc2"], await ProvidersAsync(me));

        using var last = await me.DeleteAsync("/api/me/logins/oidc2").WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(last, HttpStatusCode.Conflict, "conflict");
        using var gone = await me.DeleteAsync("/api/me/logins/oidc").WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(["oidc2"], await ProvidersAsync(me));
    }

    [Fact]
    public async Task AnUnlinkedProviderAccountIsANewSignUpAgain()
    {
        using var browser = new ProviderBrowser(App);
        var first = TestIds.Handle("a");
        var signedIn = await browser.SignUpAsync("oidc", first);
        using var me = App.Http(RefreshCookies.AccessToken(signedIn));
        await browser.GetRedirectAsync(await browser.SignInAtProviderAsync(await StartLinkAsync(browser, me, "oidc2"), TestIds.Handle("b")));

        using var unlinked = await me.DeleteAsync("/api/me/logins/oidc").WithTimeout();
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);

        using var again = new ProviderBrowser(App);
        Assert.Equal("/signin/handle", (await again.GetRedirectAsync(await again.SignInAtProviderAsync("/api/auth/login/oidc", first))).AbsolutePath);
    }

    [Fact]
    public async Task AProviderAccountOfAnotherUserIsNotLinkedAndBothKeepTheirs()
    {
        var taken = TestIds.Handle("t");
        using var owner = new ProviderBrowser(App);
        await owner.SignUpAsync("oidc2", taken);

        using var browser = new ProviderBrowser(App);
        using var me = App.Http(RefreshCookies.AccessToken(await browser.SignUpAsync("oidc", TestIds.Handle("a"))));
        var callback = await browser.SignInAtProviderAsync(await StartLinkAsync(browser, me, "oidc2"), taken);
        using var refused = await browser.Http.GetAsync(callback).WithTimeout();

        await SignInWithProviderTests.AssertProblemAsync(refused, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(["oidc"], await ProvidersAsync(me));
    }

    [Fact]
    public async Task LinkingNeedsASignedInUserAKnownProviderAndALiveTicket()
    {
        using var anonymous = App.Http();
        using var unauthenticated = await anonymous.PostAsync("/api/me/logins/oidc2", null).WithTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        var user = await App.SignInAsync();
        using var me = App.Http(user.Token);
        using var unknown = await me.PostAsync("/api/me/logins/nope", null).WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");

        using var forged = await anonymous.GetAsync("/api/auth/login/oidc2?ticket=" + new string('A', 43)).WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(forged, HttpStatusCode.BadRequest, "invalid_input");
        using var malformed = await anonymous.GetAsync("/api/auth/login/oidc2?ticket=..").WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task ALinkAddressOpenedInAnotherBrowserIsRefused()
    {
        using var me = App.Http((await App.SignInAsync()).Token);
        using var mine = new ProviderBrowser(App);
        var url = await StartLinkAsync(mine, me, "oidc");

        using var other = new ProviderBrowser(App);
        using var refused = await other.Http.GetAsync(url).WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task ADevLoginAccountLinksAProviderAndKeepsItAsItsOnlyWayIn()
    {
        var user = await App.SignInAsync();
        using var me = App.Http(user.Token);
        using var browser = new ProviderBrowser(App);
        await browser.GetRedirectAsync(await browser.SignInAtProviderAsync(await StartLinkAsync(browser, me, "oidc"), TestIds.Handle("d")));

        Assert.Equal(["oidc"], await ProvidersAsync(me));
        using var last = await me.DeleteAsync("/api/me/logins/oidc").WithTimeout();
        await SignInWithProviderTests.AssertProblemAsync(last, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task TheSettingsMakeTheNamedProviderAccountAnAdminAtSignUp()
    {
        using var browser = new ProviderBrowser(App);
        var signedIn = await browser.SignUpAsync("oidc", TestProviders.AdminLogin);

        Assert.Equal("admin", signedIn.GetProperty("user").GetProperty("role").GetString());
    }

    // Through the browser that will follow the address: the answer's cookie binds the link to it.
    private static async Task<string> StartLinkAsync(ProviderBrowser browser, HttpClient me, string provider)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/me/logins/{provider}");
        request.Headers.Authorization = me.DefaultRequestHeaders.Authorization;
        using var response = await browser.Http.SendAsync(request).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    private static async Task<string[]> ProvidersAsync(HttpClient me) =>
        [.. (await me.GetFromJsonAsync<JsonElement>("/api/me/logins").WithTimeout()).EnumerateArray().Select(l => l.GetProperty("provider").GetString()!)];
}
