namespace LiveStreamX.Grains.Chat;

/// <summary>
/// A token bucket as a value, so a grain can store it and a limit survives the grain moving to another silo:
/// <see cref="Tokens"/> as of <see cref="At"/>, refilled for the time elapsed when a token is asked for.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.TokenBucket")]
public sealed record TokenBucket([property: Id(0)] double Tokens, [property: Id(1)] DateTimeOffset At)
{
    /// <summary>
    /// Takes one token from a bucket of <paramref name="capacity"/> that refills at <paramref name="perSecond"/>:
    /// the bucket after it, or null with <paramref name="retryAfter"/> when it is empty. A null bucket is a full one.
    /// </summary>
    public static TokenBucket? TryTake(TokenBucket? bucket, int capacity, double perSecond, DateTimeOffset now, out TimeSpan retryAfter)
    {
        var elapsed = bucket is null ? 0 : Math.Max(0, (now - bucket.At).TotalSeconds);
        var tokens = bucket is null ? capacity : Math.Min(capacity, bucket.Tokens + (elapsed * perSecond));
        if (tokens >= 1)
        {
            retryAfter = TimeSpan.Zero;
            return new TokenBucket(tokens - 1, now);
        }

        retryAfter = TimeSpan.FromSeconds((1 - tokens) / perSecond);
        return null;
    }
}
