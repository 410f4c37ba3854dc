using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Identity;

/// <summary>
/// A browser without a screen: one cookie jar for the Api and the providers, redirects followed by hand so a test
/// can stop at, change or replay the provider's callback.
/// </summary>
public sealed partial class ProviderBrowser : IDisposable
{
    private readonly HttpClient _http;

    public ProviderBrowser(LiveStreamXApp app)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress, Timeout = Timeouts.Default };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>The last refresh cookie the Api set, by hand: the jar does not keep a Secure cookie over plain HTTP.</summary>
    public string? RefreshCookie { get; private set; }

    /// <summary>Opens <paramref name="start"/> (a sign-in or link address), signs in at the provider as <paramref name="login"/>, and returns the callback address the provider sent the browser to, not yet opened.</summary>
    public async Task<Uri> SignInAtProviderAsync(string start, string login)
    {
        var next = await GetRedirectAsync(new Uri(_http.BaseAddress!, start));
        for (var hop = 0; hop < 12; hop++)
        {
            if (next.AbsolutePath.StartsWith("/api/auth/callback/", StringComparison.Ordinal))
            {
                return next;
            }

            using var response = await _http.GetAsync(next).WithTimeout();
            if (response.StatusCode is HttpStatusCode.OK)
            {
                // The provider's login or consent page: a form that posts back to the interaction.
                var html = await response.Content.ReadAsStringAsync();
                var action = new Uri(next, WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
                var prompt = Prompt().Match(html).Groups[1].Value;
                var fields = new Dictionary<string, string> { ["prompt"] = prompt };
                if (prompt == "login")
                {
                    fields["login"] = login;
                    fields["password"] = "any password";
                }

                using var posted = await _http.PostAsync(action, new FormUrlEncodedContent(fields)).WithTimeout();
                next = Location(posted, action);
            }
            else
            {
                next = Location(response, next);
            }
        }

        throw new InvalidOperationException("The provider never sent the browser back.");
    }

    /// <summary>Signs up as <paramref name="login"/> at <paramref name="provider"/> under a new random handle; returns the session (<c>SignedIn</c>).</summary>
    public async Task<JsonElement> SignUpAsync(string provider, string login, string? handle = null)
    {
        var landed = await GetRedirectAsync(await SignInAtProviderAsync($"/api/auth/login/{provider}", login));
        Assert.Equal("/signin/handle", landed.AbsolutePath);
        using var response = await _http.PostAsJsonAsync("/api/auth/signup", new { handle = handle ?? TestIds.Handle("o") }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>().WithTimeout();
    }

    /// <summary>Opens an address as a browser would (asking for HTML) and returns where it redirects.</summary>
    public async Task<Uri> GetRedirectAsync(Uri address, bool html = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (html)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        }

        using var response = await _http.SendAsync(request).WithTimeout();
        RefreshCookie = RefreshCookies.SetCookie(response) ?? RefreshCookie;
        return Location(response, address);
    }

    public void Dispose() => _http.Dispose();

    private static Uri Location(HttpResponseMessage response, Uri from) =>
        response.Headers.Location is { } location
            ? new Uri(from, location)
            : throw new InvalidOperationException($"{from} answered {(int)response.StatusCode} without a redirect: {response.Content.ReadAsStringAsync().Result}");

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"prompt\" value=\"([a-z]+)\"")]
    private static partial Regex Prompt();
}
