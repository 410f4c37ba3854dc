using System.Security.Claims;
using System.Security.Cryptography;
using LiveStreamX.Api.Errors;
using LiveStreamX.Api.Hosting;
using LiveStreamX.Api.Identity;
using LiveStreamX.Api.Identity.Providers;
using LiveStreamX.Common;
using LiveStreamX.Identity;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LiveStreamX.Api.Apis;

/// <summary>
/// Sign-in through Google, Twitch, X or an OpenID Connect server: the provider list, the redirect to a provider and
/// its callback, the handle picker of a first sign-in, and linking and unlinking providers.
/// </summary>
public static class SignInApi
{
    /// <summary>The httpOnly cookie that holds a first sign-in's ticket while the user picks a handle.</summary>
    public const string SignUpCookie = "lsx_signup";

    private const string AuthPath = "/api/auth";
    private const string LinkItem = "lsx_link";

    /// <summary>The httpOnly cookie that binds a link request to the browser that asked for it.</summary>
    private const string LinkCookie = "lsx_link";
    private static readonly TimeSpan SignUpLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(5);

    public static string CallbackPath(string provider) => $"{AuthPath}/callback/{provider}";

    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(AuthPath).WithTags("Identity").AllowAnonymous();
        auth.MapGet("/providers", (IReadOnlyList<SignInProvider> providers, IOptions<AuthOptions> auth, IOptions<ApiOptions> api) =>
                TypedResults.Ok(new SignInOptions(providers, auth.Value.DevLoginOn(api.Value.Mode))))
            .WithSummary("The configured sign-in providers, for the sign-in page's buttons, and whether dev-login is on.");
        auth.MapGet("/login/{provider}", LoginAsync)
            .WithSummary("Sends the browser to the provider (authorization code with PKCE); back at the callback.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        auth.MapMethods("/callback/{provider}", [HttpMethods.Get, HttpMethods.Post], CallbackAsync)
            .WithSummary("The provider's redirect back: signs in, asks a first-time user for a handle, or links.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapGet("/signup", GetSignUpAsync)
            .WithSummary("The first sign-in waiting for a handle (from its cookie).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        auth.MapPost("/signup", SignUpAsync)
            .WithSummary("Creates the account of a first sign-in under a unique handle, and signs it in.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var logins = app.MapGroup("/api/me/logins").WithTags("Identity").RequireAuthorization();
        logins.MapGet("/", GetLoginsAsync).WithSummary("The providers linked to my account.");
        logins.MapPost("/{provider}", StartLinkAsync)
            .WithSummary("Starts linking a provider: the browser goes to the returned address.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        logins.MapDelete("/{provider}", UnlinkAsync)
            .WithSummary("Unlinks a provider, never the last one.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<ChallengeHttpResult, ProblemHttpResult>> LoginAsync(
        string provider, string? returnUrl, string? ticket, HttpContext http, IReadOnlyList<SignInProvider> providers, IGrainFactory grains)
    {
        var known = Find(providers, provider);
        var items = new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = known.Id,
        };
        if (ticket is not null)
        {
            // A link started by a signed-in user (POST /api/me/logins/{provider}); the state token carries it.
            // Only in the browser that asked for it: a link address that leaked must not link someone else's account.
            if (!IsTicketId(ticket) || http.Request.Cookies[LinkCookie] != ticket
                || await grains.Get<ISignInTicketGrain>(ticket).PeekAsync() is not { UserId: not null })
            {
                throw DomainException.InvalidInput("ticket", "The link request expired: start it again from your account page.");
            }

            items[LinkItem] = ticket;
        }

        return TypedResults.Challenge(
            new AuthenticationProperties(items) { RedirectUri = LocalUrl(returnUrl) },
            [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> CallbackAsync(
        string provider, HttpContext http, IReadOnlyList<SignInProvider> providers, IGrainFactory grains,
        SessionService sessions, IOptions<SignInProviderOptions> options, TimeProvider time)
    {
        var known = Find(providers, provider);
        var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            var reason = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription)
                ?? result.Failure?.Message ?? "The provider's answer could not be checked.";
            return Refuse(http, DomainException.InvalidInput("state", $"Sign-in failed: {reason}"));
        }

        var subject = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(Claims.Subject)?.Value;
        if (principal.FindFirst(Claims.Private.RegistrationId)?.Value != known.Id || string.IsNullOrEmpty(subject) || subject.Length > 255)
        {
            return Refuse(http, DomainException.InvalidInput("provider", "The provider's answer is not for this provider."));
        }

        var displayName = principal.FindFirst(ClaimTypes.Name)?.Value ?? principal.FindFirst(Claims.Name)?.Value
            ?? principal.FindFirst(Claims.PreferredUsername)?.Value;
        var login = new ExternalLogin(known.Id, subject, InputText.TryClean(displayName, 64, out var name) ? name : null, time.GetUtcNow());
        var returnUrl = result.Properties?.RedirectUri ?? "/";
        var account = grains.Get<IExternalLoginGrain>(login.Key);
        try
        {
            if (result.Properties?.Items.TryGetValue(LinkItem, out var linkTicket) == true && linkTicket is not null)
            {
                var link = await grains.Get<ISignInTicketGrain>(linkTicket).TakeAsync();
                if (link?.UserId is not { } userId)
                {
                    throw DomainException.InvalidInput("ticket", "The link request expired: start it again from your account page.");
                }

                await account.LinkAsync(userId, login);
                http.Response.Cookies.Delete(LinkCookie, new CookieOptions { Path = AuthPath });
                return TypedResults.Redirect(QueryHelpers.AddQueryString(LocalUrl(link.ReturnUrl), "linked", known.Id));
            }

            if (await account.FindUserAsync() is { } user)
            {
                // The browser comes back with the refresh cookie; the page it lands on trades it for an access token.
                await sessions.StartSessionAsync(http, user, known.Id, subject);
                return TypedResults.Redirect(QueryHelpers.AddQueryString("/signin/complete", "returnUrl", returnUrl));
            }

            // A first sign-in: the account is made once the user picks a handle.
            var ticket = NewTicketId();
            await grains.Get<ISignInTicketGrain>(ticket).IssueAsync(new SignInTicket(login, null, returnUrl), SignUpLifetime);
            SetTicketCookie(http, SignUpCookie, ticket, SignUpLifetime, options.Value);
            return TypedResults.Redirect("/signin/handle");
        }
        catch (DomainException e)
        {
            return Refuse(http, e);
        }
    }

    private static async Task<Results<Ok<PendingSignUp>, ProblemHttpResult>> GetSignUpAsync(HttpContext http, IGrainFactory grains)
    {
        var ticket = await PendingAsync(http, grains);
        return TypedResults.Ok(new PendingSignUp(ticket.Login!.Provider, ticket.Login.DisplayName, SuggestHandle(ticket.Login.DisplayName)));
    }

    private static async Task<Ok<SignedIn>> SignUpAsync(
        SignUpRequest request, HttpContext http, IGrainFactory grains, SessionService sessions)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Handles.IsValid(request.Handle))
        {
            errors["handle"] = [Handles.Rule];
        }

        // Admins are never made here: they come from the operator's configuration.
        var role = Role.Viewer;
        if (request.Role is not null && (!LiveClaims.TryParseRole(request.Role, out role) || role == Role.Admin))
        {
            errors["role"] = ["The role is 'viewer' or 'creator'."];
        }

        if (errors.Count > 0)
        {
            throw DomainException.InvalidInput(errors);
        }

        var ticket = await PendingAsync(http, grains);
        var user = await grains.Get<IExternalLoginGrain>(ticket.Login!.Key).SignUpAsync(request.Handle!, role, ticket.Login);
        await grains.Get<ISignInTicketGrain>(http.Request.Cookies[SignUpCookie]!).TakeAsync();
        http.Response.Cookies.Delete(SignUpCookie, new CookieOptions { Path = AuthPath });
        return TypedResults.Ok(await sessions.StartSessionAsync(http, user, ticket.Login.Provider, ticket.Login.Subject));
    }

    private static async Task<Ok<IReadOnlyList<LinkedLogin>>> GetLoginsAsync(
        HttpContext http, IGrainFactory grains, IReadOnlyList<SignInProvider> providers)
    {
        var logins = await grains.Get<IUserLoginsGrain>(Me(http).UserId).GetAsync();
        return TypedResults.Ok<IReadOnlyList<LinkedLogin>>([.. logins.Select(l => new LinkedLogin(
            l.Provider, providers.FirstOrDefault(p => p.Id == l.Provider)?.Name ?? l.Provider, l.DisplayName, l.LinkedAt))]);
    }

    private static async Task<Ok<LinkStarted>> StartLinkAsync(
        string provider, string? returnUrl, HttpContext http, IGrainFactory grains, IReadOnlyList<SignInProvider> providers,
        IOptions<SignInProviderOptions> options)
    {
        var known = Find(providers, provider);
        var ticket = NewTicketId();
        var back = LocalUrl(returnUrl ?? "/account");
        await grains.Get<ISignInTicketGrain>(ticket).IssueAsync(new SignInTicket(null, Me(http).UserId, back), LinkLifetime);
        SetTicketCookie(http, LinkCookie, ticket, LinkLifetime, options.Value);
        return TypedResults.Ok(new LinkStarted(
            QueryHelpers.AddQueryString($"{AuthPath}/login/{known.Id}", new Dictionary<string, string?> { ["ticket"] = ticket, ["returnUrl"] = back })));
    }

    private static async Task<NoContent> UnlinkAsync(string provider, HttpContext http, IGrainFactory grains)
    {
        var me = Me(http);
        var logins = await grains.Get<IUserLoginsGrain>(me.UserId).GetAsync();
        var login = logins.FirstOrDefault(l => string.Equals(l.Provider, provider, StringComparison.OrdinalIgnoreCase))
            ?? throw DomainException.NotFound($"No {provider} account of yours is linked.");
        await grains.Get<IExternalLoginGrain>(login.Key).UnlinkAsync(me.UserId);
        return TypedResults.NoContent();
    }

    private static SignInProvider Find(IReadOnlyList<SignInProvider> providers, string provider) =>
        providers.FirstOrDefault(p => string.Equals(p.Id, provider, StringComparison.OrdinalIgnoreCase))
        ?? throw DomainException.NotFound("No such sign-in provider is configured.");

    private static Actor Me(HttpContext http) =>
        http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");

    private static async Task<SignInTicket> PendingAsync(HttpContext http, IGrainFactory grains)
    {
        var id = http.Request.Cookies[SignUpCookie];
        return id is not null && IsTicketId(id) && await grains.Get<ISignInTicketGrain>(id).PeekAsync() is { Login: not null } ticket
            ? ticket
            : throw DomainException.NotFound("No sign-in is waiting for a handle: sign in with a provider first.");
    }

    // A browser that followed the provider's redirect sees the sign-in page with the reason; an API caller a problem.
    private static IResult Refuse(HttpContext http, DomainException error) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            ? TypedResults.Redirect(QueryHelpers.AddQueryString("/signin", new Dictionary<string, string?> { ["error"] = error.Code, ["message"] = error.Message }))
            : TypedResults.Problem(
                title: error.Message, detail: error.Message, statusCode: ErrorStatus.Of(error.Code), type: ErrorStatus.TypeOf(error.Code),
                extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    // Only paths of this site: an open redirect would hand a signed-in browser to anyone.
    private static string LocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "/";
        }

        return url.Length <= 512 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : throw DomainException.InvalidInput("returnUrl", "The return address is a path of this site.");
    }

    // Lax: the cookie must come along when the provider sends the browser back (a top-level navigation).
    private static void SetTicketCookie(HttpContext http, string name, string ticket, TimeSpan lifetime, SignInProviderOptions options) =>
        http.Response.Cookies.Append(name, ticket, new CookieOptions
        {
            HttpOnly = true,
            Secure = !options.AllowInsecureHttp,
            SameSite = SameSiteMode.Lax,
            Path = AuthPath,
            MaxAge = lifetime,
        });

    private static string NewTicketId() => Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static bool IsTicketId(string id) => id.Length == 43 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string? SuggestHandle(string? name)
    {
        var letters = new string([.. (name ?? string.Empty).Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(Handles.MaxLength)]);
        return Handles.IsValid(letters) ? letters : null;
    }
}

/// <summary>How one may sign in here: the configured providers, and development sign-in by handle when it is on.</summary>
public sealed record SignInOptions(IReadOnlyList<SignInProvider> Providers, bool DevLogin);

/// <summary>The body of <c>POST /api/auth/signup</c>: the handle, and <c>viewer</c> (default) or <c>creator</c>.</summary>
public sealed record SignUpRequest(string? Handle, string? Role);

/// <summary>A first sign-in waiting for its handle.</summary>
public sealed record PendingSignUp(string Provider, string? DisplayName, string? SuggestedHandle);

/// <summary>A provider linked to my account.</summary>
public sealed record LinkedLogin(string Provider, string ProviderName, string? DisplayName, DateTimeOffset LinkedAt);

/// <summary>Where the browser goes to link a provider.</summary>
public sealed record LinkStarted(string Url);
