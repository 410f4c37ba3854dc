using System.Net;
using System.Text.Json;
using LiveStreamX.Common;
using LiveStreamX.Payments;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace LiveStreamX.Grains.Payments;

/// <summary>
/// The few Stripe calls the platform makes (Checkout Sessions, Connect transfers) through Stripe.net, against
/// <see cref="StripeOptions.ApiBase"/>, and the verification of its webhooks. One per process.
/// </summary>
public sealed class StripeGateway(IOptions<StripeOptions> options)
{
    private readonly StripeOptions _options = options.Value;
    private readonly Lazy<StripeClient> _client = new(() => new StripeClient(
        apiKey: options.Value.SecretKey,
        apiBase: string.IsNullOrEmpty(options.Value.ApiBase) ? null : options.Value.ApiBase.TrimEnd('/')));

    public bool Configured => _options.Configured;

    /// <summary>Creates a Checkout Session for one pack, with the buyer and the pack in its metadata.</summary>
    public async Task<(string Id, string Url)> CreateCheckoutAsync(string userId, TokenPack pack, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken)
    {
        var client = Client();
        var metadata = new Dictionary<string, string> { ["userId"] = userId, ["packId"] = pack.Id };
        var session = await new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = userId,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            SuccessUrl = successUrl.ToString(),
            CancelUrl = cancelUrl.ToString(),
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = pack.Currency,
                        UnitAmount = pack.PriceCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions
                        {
                            Name = pack.Name,
                            Description = pack.BonusTokens > 0 ? $"{pack.Tokens:N0} tokens + {pack.BonusTokens:N0} bonus" : $"{pack.Tokens:N0} tokens",
                        },
                    },
                },
            ],
        }, cancellationToken: cancellationToken);
        return (session.Id, session.Url);
    }

    /// <summary>
    /// A Connect transfer; the idempotency key makes a retry after a crash or a timeout the same transfer. Throws
    /// <see cref="TransferRefusedException"/> when Stripe refuses it for good, anything else when it may be retried.
    /// </summary>
    public async Task<string> TransferAsync(string destination, long cents, string currency, string payoutId, CancellationToken cancellationToken)
    {
        try
        {
            var transfer = await new TransferService(Client()).CreateAsync(new TransferCreateOptions
            {
                Amount = cents,
                Currency = currency,
                Destination = destination,
                TransferGroup = payoutId,
                Metadata = new Dictionary<string, string> { ["payoutId"] = payoutId },
            }, new RequestOptions { IdempotencyKey = payoutId }, cancellationToken);
            return transfer.Id;
        }
        catch (StripeException ex) when (ex.HttpStatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
                                          and not HttpStatusCode.TooManyRequests and not HttpStatusCode.Conflict)
        {
            throw new TransferRefusedException(ex.StripeError?.Message ?? ex.Message, ex);
        }
    }

    /// <summary>
    /// Verifies a webhook's <c>Stripe-Signature</c> (HMAC-SHA256 of "t.body" with the endpoint secret, within the
    /// tolerance) with Stripe.net, then reads the fields the platform acts on; <c>invalid_signature</c> otherwise.
    /// </summary>
    public LiveStreamX.Payments.StripeEvent ReadWebhook(string json, string? signature)
    {
        if (string.IsNullOrEmpty(_options.WebhookSecret))
        {
            throw new DomainException(ErrorCodes.NotConfigured, "Stripe webhooks are not configured here.");
        }

        try
        {
            EventUtility.ConstructEvent(json, signature ?? string.Empty, _options.WebhookSecret, _options.WebhookToleranceSeconds,
                throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            throw new DomainException(ErrorCodes.InvalidSignature, $"The Stripe-Signature does not verify: {ex.Message}");
        }
        catch (JsonException)
        {
            throw DomainException.InvalidInput("body", "The event is not JSON.");
        }

        return StripeEventReader.Read(json);
    }

    private StripeClient Client() => Configured
        ? _client.Value
        : throw new DomainException(ErrorCodes.NotConfigured, "Purchases and payouts are not configured here (no Stripe keys).");
}

/// <summary>Stripe refused a transfer for good (a 4xx other than a rate limit or a key in use): the payout fails.</summary>
public sealed class TransferRefusedException(string message, Exception inner) : Exception(message, inner);
