using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Grains.Payments;
using LiveStreamX.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>Token packs through Stripe Checkout, and Stripe's webhook.</summary>
public static class StoreApi
{
    /// <summary>The largest webhook body read (Stripe's events are a few kilobytes).</summary>
    public const int MaxWebhookBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapStoreApi(this IEndpointRouteBuilder app)
    {
        var store = app.MapGroup("/api/store").WithTags("Store");
        store.MapGet("/packs", ListAsync).WithSummary("The packs on sale, and whether purchases are configured here.");
        store.MapPost("/checkout", CheckoutAsync).RequireAuthorization()
            .WithSummary("Creates a Stripe Checkout Session for a pack; send the user to its url.");
        store.MapGet("/purchases/{sessionId}", GetPurchaseAsync).RequireAuthorization()
            .WithSummary("One of my purchases, by Checkout Session id (the success page polls it until paid).");
        ModerationApi.Problems(store);

        var admin = app.MapGroup("/api/admin/store").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/packs", (IGrainFactory grains) => AllPacksAsync(grains)).WithSummary("Every pack, active or not.");
        admin.MapPut("/packs/{packId}", UpsertAsync).WithSummary("Adds or changes a pack.");
        ModerationApi.Problems(admin);

        app.MapPost("/api/webhooks/stripe", WebhookAsync).WithTags("Store").AllowAnonymous().DisableRateLimiting()
            .WithSummary("Stripe's webhook: verified by Stripe-Signature, recorded, acted on once per event and per session.")
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Ok<StoreView>> ListAsync(IGrainFactory grains, StripeGateway stripe)
    {
        var packs = await grains.Get<ITokenPackCatalogGrain>(0).ListAsync();
        return TypedResults.Ok(new StoreView(stripe.Configured, [.. packs.Where(p => p.Active)]));
    }

    private static async Task<Ok<IReadOnlyList<TokenPack>>> AllPacksAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ITokenPackCatalogGrain>(0).ListAsync());

    private static async Task<Ok<TokenPack>> UpsertAsync(string packId, PackRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ITokenPackCatalogGrain>(0).UpsertAsync(new TokenPack(
            packId, request.Name ?? string.Empty, request.Tokens ?? 0, request.BonusTokens ?? 0, request.PriceCents ?? 0,
            request.Currency ?? "usd", request.Active ?? true)));

    private static async Task<Ok<CheckoutView>> CheckoutAsync(CheckoutRequest request, HttpContext http, IGrainFactory grains, StripeGateway stripe, TimeProvider time)
    {
        var buyer = http.RequireActor();
        if (request.PackId is not { Length: > 0 and <= 32 })
        {
            throw DomainException.InvalidInput("packId", "Name a pack of GET /api/store/packs.");
        }

        var packs = await grains.Get<ITokenPackCatalogGrain>(0).ListAsync();
        var pack = packs.FirstOrDefault(p => p.Id == request.PackId && p.Active) ?? throw DomainException.NotFound($"There is no pack '{request.PackId}' on sale.");
        if (!stripe.Configured)
        {
            throw new DomainException(ErrorCodes.NotConfigured, "Purchases are not configured here.");
        }

        // Stripe sends the buyer back here; it fills in {CHECKOUT_SESSION_ID} itself.
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var (sessionId, url) = await stripe.CreateCheckoutAsync(buyer.UserId, pack,
            new Uri($"{origin}/store/success?session_id={{CHECKOUT_SESSION_ID}}"), new Uri($"{origin}/store/cancel"), http.RequestAborted);
        await grains.Get<IPurchaseGrain>(sessionId).OpenAsync(new PurchaseOpened(buyer.UserId, pack, time.GetUtcNow()));
        return TypedResults.Ok(new CheckoutView(sessionId, url));
    }

    private static async Task<Ok<PurchaseView>> GetPurchaseAsync(string sessionId, HttpContext http, IGrainFactory grains)
    {
        var buyer = http.RequireActor();
        var purchase = sessionId.Length is > 0 and <= 255 ? await grains.Get<IPurchaseGrain>(sessionId).GetAsync() : null;
        return purchase is not null && (purchase.UserId == buyer.UserId || buyer.IsAdmin)
            ? TypedResults.Ok(purchase)
            : throw DomainException.NotFound($"You have no purchase '{sessionId}'.");
    }

    private static async Task<Ok<WebhookReceipt>> WebhookAsync(HttpContext http, IGrainFactory grains, StripeGateway stripe)
    {
        var signature = http.Request.Headers["Stripe-Signature"].ToString();
        if (signature.Length is 0 or > 2048 || !signature.Contains("t=", StringComparison.Ordinal) || !signature.Contains("v1=", StringComparison.Ordinal))
        {
            throw new DomainException(ErrorCodes.InvalidSignature, "A Stripe-Signature header (t=…,v1=…) is required.");
        }

        // The signature covers the exact bytes Stripe sent: the body is read raw, never re-serialized.
        if (http.Request.ContentLength > MaxWebhookBytes)
        {
            throw DomainException.InvalidInput("body", $"A webhook is at most {MaxWebhookBytes} bytes.");
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(http.RequestAborted);
        if (json.Length > MaxWebhookBytes)
        {
            throw DomainException.InvalidInput("body", $"A webhook is at most {MaxWebhookBytes} bytes.");
        }

        var stripeEvent = stripe.ReadWebhook(json, signature);
        var outcome = await grains.Get<IStripeEventGrain>(stripeEvent.Id).HandleAsync(stripeEvent);
        return TypedResults.Ok(new WebhookReceipt(true, outcome.EventId, outcome.Outcome, outcome.Duplicate));
    }
}

/// <summary>The store: whether purchases work here, and the packs on sale.</summary>
public sealed record StoreView(bool Configured, IReadOnlyList<TokenPack> Packs);

/// <summary>The body of <c>POST /api/store/checkout</c>.</summary>
public sealed record CheckoutRequest(string? PackId);

/// <summary>A Checkout Session to send the buyer to.</summary>
public sealed record CheckoutView(string SessionId, string Url);

/// <summary>The body of <c>PUT /api/admin/store/packs/{packId}</c>.</summary>
public sealed record PackRequest(string? Name, long? Tokens, long? BonusTokens, long? PriceCents, string? Currency, bool? Active);

/// <summary>What the webhook answers Stripe.</summary>
public sealed record WebhookReceipt(bool Received, string EventId, string Outcome, bool Duplicate);
