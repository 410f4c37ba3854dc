using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Payments;

/// <summary>
/// Stripe: purchases through Checkout, the webhook's secret, payouts through Connect. Section <c>LSX:Stripe</c>.
/// All unset: purchases and payout transfers say they are not configured and everything else works.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "LSX:Stripe";

    /// <summary>The secret API key (<c>sk_live_…</c>, <c>sk_test_…</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where the Stripe API is: Stripe's own unless set (tests stand a local server in for it).</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a webhook's signed timestamp may be, so a captured delivery cannot be replayed later.</summary>
    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    public bool Configured => !string.IsNullOrEmpty(SecretKey);
}

/// <summary>Checks the Stripe settings at start: any of them set means the keys must all be there.</summary>
public sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        if (string.IsNullOrEmpty(options.SecretKey) && string.IsNullOrEmpty(options.WebhookSecret) && string.IsNullOrEmpty(options.ApiBase))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            errors.Add($"{StripeOptions.Section}:SecretKey is required when any Stripe setting is given (sk_live_… or sk_test_…).");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            errors.Add($"{StripeOptions.Section}:WebhookSecret is required when any Stripe setting is given (the endpoint's whsec_… secret).");
        }

        if (!string.IsNullOrEmpty(options.ApiBase)
            && (!Uri.TryCreate(options.ApiBase, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"{StripeOptions.Section}:ApiBase must be an absolute http(s) URL, such as https://api.stripe.com.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Creator payouts. Section <c>LSX:Payouts</c>.</summary>
public sealed class PayoutOptions
{
    public const string Section = "LSX:Payouts";

    /// <summary>The smallest payout, in tokens.</summary>
    [Range(1, 1_000_000_000)]
    public long MinimumTokens { get; set; } = 1000;

    /// <summary>Earnings younger than this many days are held (not withdrawable), so refunds and disputes surface first.</summary>
    [Range(0, 365)]
    public int HoldDays { get; set; } = 7;

    /// <summary>What a creator's 100 tokens of earnings pay out, in the currency's smallest unit.</summary>
    [Range(1, 100_000)]
    public long CentsPerHundredTokens { get; set; } = 100;

    /// <summary>The payout currency (ISO 4217, lower case).</summary>
    [RegularExpression("^[a-z]{3}$")]
    public string Currency { get; set; } = "usd";

    public TimeSpan Hold => TimeSpan.FromDays(HoldDays);

    public long CentsOf(long tokens) => tokens * CentsPerHundredTokens / 100;
}
