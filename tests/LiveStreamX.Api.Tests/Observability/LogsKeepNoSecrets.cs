using System.Diagnostics;
using System.Text.Json;
using LiveStreamX.Grains.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveStreamX.Api.Tests.Observability;

public sealed class LogsKeepNoSecrets
{
    private const string SigningKey = "a-signing-key-that-must-never-be-logged-0123456789";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzEyMyJ9.c2lnbmF0dXJl";

    private static readonly RedactingJsonFormatter Formatter = new(new SecretRedactor(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["LSX:Auth:SigningKey"] = SigningKey })
        .Build()));

    [Fact]
    public void AHubRequestLogLineIsJsonWithTraceIdsAndWithoutItsAccessToken()
    {
        using var source = new ActivitySource("test-" + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener { ShouldListenTo = s => s == source, Sample = (ref _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);
        using var activity = source.StartActivity("request")!;

        var line = Write(
            "Request starting HTTP/1.1 GET http://node/hubs/live?id=abc&access_token={Token} - - -",
            ("QueryString", $"?id=abc&access_token={Jwt}"),
            ("Token", Jwt));

        Assert.DoesNotContain(Jwt, line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(line);
        Assert.Contains("access_token=[redacted]", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal(activity.TraceId.ToHexString(), json.RootElement.GetProperty("TraceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), json.RootElement.GetProperty("SpanId").GetString());
    }

    [Fact]
    public void ConnectionStringPasswordsAndConfiguredKeysAreRedacted()
    {
        var line = Write(
            "Connecting to {Redis} with key {Key}",
            ("Redis", "redis:6379,password=hunter2hunter2,ssl=true"),
            ("Key", SigningKey));

        Assert.DoesNotContain("hunter2hunter2", line, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningKey, line, StringComparison.Ordinal);
        Assert.Contains("password=[redacted]", line, StringComparison.Ordinal);
    }

    private static string Write(string template, params (string Name, object? Value)[] values)
    {
        var state = new List<KeyValuePair<string, object?>>(values.Select(v => new KeyValuePair<string, object?>(v.Name, v.Value)))
        {
            new("{OriginalFormat}", template),
        };
        var message = values.Aggregate(template, (text, v) => text.Replace("{" + v.Name + "}", Convert.ToString(v.Value), StringComparison.Ordinal));
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(
            LogLevel.Information, "Microsoft.AspNetCore.Hosting.Diagnostics", new EventId(1), state, null, (_, _) => message);
        using var writer = new StringWriter();
        Formatter.Write(entry, new LoggerExternalScopeProvider(), writer);
        return writer.ToString().TrimEnd();
    }
}
