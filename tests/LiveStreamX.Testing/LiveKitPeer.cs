using System.Diagnostics;
using System.Text.Json;

namespace LiveStreamX.Testing;

/// <summary>
/// LiveKit's own Node SDK (<c>livekit-server-sdk</c>, LiveKit/livekit.mjs): it reads the Api's media tokens with
/// LiveKit's <c>TokenVerifier</c> and signs webhooks exactly as a LiveKit server does.
/// </summary>
public sealed class LiveKitPeer(string apiKey, string apiSecret)
{
    /// <summary>A key and a 32+ character secret, fresh per test.</summary>
    public static LiveKitPeer Random() => new("APIkey" + Guid.NewGuid().ToString("N")[..8], "secret-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8]);

    public string ApiKey { get; } = apiKey;

    public string ApiSecret { get; } = apiSecret;

    /// <summary>An Api node's settings for a LiveKit server with this key and secret.</summary>
    public Dictionary<string, string?> Settings(string url = "ws://127.0.0.1:7880") => new()
    {
        ["LSX:LiveKit:Url"] = url,
        ["LSX:LiveKit:ApiKey"] = ApiKey,
        ["LSX:LiveKit:ApiSecret"] = ApiSecret,
    };

    /// <summary>The claims of <paramref name="token"/> as LiveKit reads them; throws if LiveKit would refuse it.</summary>
    public Task<JsonElement> VerifyAsync(string token) => RunAsync("verify", new { apiKey = ApiKey, apiSecret = ApiSecret, token });

    /// <summary>
    /// <paramref name="liveKitEvent"/> (a WebhookEvent in protobuf JSON) as LiveKit posts it: the body and the
    /// Authorization token signed for it.
    /// </summary>
    public async Task<SignedWebhook> WebhookAsync(object liveKitEvent)
    {
        var result = await RunAsync("webhook", new { apiKey = ApiKey, apiSecret = ApiSecret, @event = liveKitEvent });
        return new SignedWebhook(result.GetProperty("body").GetString()!, result.GetProperty("authorization").GetString()!);
    }

    private static async Task<JsonElement> RunAsync(string command, object input)
    {
        var folder = await NpmFolder.EnsureAsync("LiveKit", "livekit-server-sdk");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "livekit.mjs", command, JsonSerializer.Serialize(input) })
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(Timeouts.Default);
        if (node.ExitCode != 0)
        {
            throw new LiveKitRefusedException(await stderr);
        }

        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}

/// <summary>A webhook as LiveKit sends it.</summary>
public sealed record SignedWebhook(string Body, string Authorization);

/// <summary>LiveKit's SDK refused what it was given (a token it does not accept, say).</summary>
public sealed class LiveKitRefusedException(string message) : Exception(message);
