using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hosting;

public sealed class ConfigurationValidationTests
{
    [Fact]
    public void RedisStorageWithoutAConnectionStringFailsAtStartSayingWhatToSet()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Orleans:Storage"] = "Redis" }).Dispose());
        Assert.Contains("LSX__Orleans__RedisConnectionString", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BlobEndpoint=http://127.0.0.1:1/account;SharedAccessSignature=sv=2024-01-01&sig=abc", "must carry the account key")]
    [InlineData("not a connection string", "is not an Azure Storage connection string")]
    public void ABlobConnectionStringThatCannotSignReadUrlsFailsAtStart(string connectionString, string says)
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Media:Blob:ConnectionString"] = connectionString }).Dispose());
        Assert.Contains("LSX__Media__Blob__ConnectionString " + says, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidBlobContainerNameFailsAtStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Media:Blob:ConnectionString"] = $"AccountName=a;AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint=http://127.0.0.1:1/a",
            ["LSX:Media:Blob:Container"] = "Not_Valid",
        }).Dispose());
        Assert.Contains("LSX:Media:Blob:Container", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOverlapShorterThanAnAccessTokenFailsAtStartSayingWhatToSet()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?>
        {
            ["LSX:Auth:AccessTokenMinutes"] = "10",
            ["LSX:Auth:KeyOverlap"] = "00:05:00",
        }).Dispose());
        Assert.Contains("KeyOverlap", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccessTokenLongerThanFifteenMinutesFailsAtStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Auth:AccessTokenMinutes"] = "60" }).Dispose());
        Assert.Contains("AccessTokenMinutes", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AShortSigningKeyFailsAtStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Auth:SigningKey"] = "short" }).Dispose());
        Assert.Contains("SigningKey must be at least 32 characters", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutOfRangeChatLimitFailsAtStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Chat:RateLimitMessages"] = "0" }).Dispose());
        Assert.Contains("RateLimitMessages", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LSX:Telemetry:OtlpEndpoint", "collector:4317", "LSX__Telemetry__OtlpEndpoint")]
    [InlineData("LSX:Telemetry:OtlpEndpoint", "ftp://collector:4317", "LSX__Telemetry__OtlpEndpoint")]
    [InlineData("LSX:Telemetry:TraceSampleRatio", "1.5", "TraceSampleRatio")]
    public void AnInvalidTelemetrySettingFailsAtStartSayingWhatToSet(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { [key] = value }).Dispose());
        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LSX:RateLimits:UserPerMinute", "0", "UserPerMinute")]
    [InlineData("LSX:RateLimits:AnonymousBurst", "100000", "AnonymousBurst")]
    public void AnInvalidRateLimitFailsAtStartNamingIt(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?>
        {
            [key] = value,
            ["LSX:RateLimits:AnonymousPerMinute"] = "60",
        }).Dispose());
        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
