using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using LiveStreamX.Api.Errors;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.RateLimits;

/// <summary>
/// How many REST calls (<c>/api/…</c>) a caller makes: a token bucket per signed-in user, and one per IP address for
/// anonymous callers. Section <c>LSX:RateLimits</c>. The hub has its own per-user limits (chat, gifts, reactions).
/// </summary>
public sealed class RestRateLimitOptions : IValidatableObject
{
    public const string Section = "LSX:RateLimits";

    /// <summary>Off only for load tests that sign thousands of users in from one address.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Calls a signed-in user may make per minute, on average.</summary>
    [Range(1, 10_000_000)]
    public int UserPerMinute { get; set; } = 600;

    /// <summary>Calls a signed-in user may make at once after a quiet spell.</summary>
    [Range(1, 10_000_000)]
    public int UserBurst { get; set; } = 60;

    /// <summary>Anonymous calls one IP address may make per minute, on average (sign-ins, public pages).</summary>
    [Range(1, 10_000_000)]
    public int AnonymousPerMinute { get; set; } = 120;

    /// <summary>Anonymous calls one IP address may make at once.</summary>
    [Range(1, 10_000_000)]
    public int AnonymousBurst { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UserBurst > UserPerMinute * 10L || AnonymousBurst > AnonymousPerMinute * 10L)
        {
            yield return new ValidationResult(
                $"{Section}: a burst of more than ten minutes' calls is a misconfiguration (UserBurst ≤ 10 × UserPerMinute, AnonymousBurst ≤ 10 × AnonymousPerMinute).",
                [nameof(UserBurst), nameof(AnonymousBurst)]);
        }
    }
}

/// <summary>Wires ASP.NET Core's rate limiter to <see cref="RestRateLimitOptions"/>, answering 429 ProblemDetails.</summary>
internal static class RestRateLimits
{
    public static IServiceCollection AddRestRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RestRateLimitOptions>().BindConfiguration(RestRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RestRateLimitOptions>>((limiter, settings) =>
        {
            var options = settings.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RestRateLimitOptions options)
    {
        if (!options.Enabled || !http.Request.Path.StartsWithSegments("/api"))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        if (http.User.ToActor() is { } actor)
        {
            return RateLimitPartition.GetTokenBucketLimiter("u:" + actor.UserId, _ => Bucket(options.UserPerMinute, options.UserBurst));
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter("ip:" + address, _ => Bucket(options.AnonymousPerMinute, options.AnonymousBurst));
    }

    // Refilled in small steps (a tenth of a second's share, at least one call) so a caller over the limit waits
    // about as long as one call's share, not a whole minute.
    private static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst)
    {
        var perStep = Math.Max(1, perMinute / 600);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perStep,
            ReplenishmentPeriod = TimeSpan.FromMinutes((double)perStep / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retry.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ErrorStatus.TypeOf(ErrorCodes.RateLimited),
            Title = "Too many requests.",
            Detail = $"Slow down: try again in {seconds} s.",
        };
        problem.Extensions["code"] = ErrorCodes.RateLimited;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
