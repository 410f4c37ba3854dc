using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Cluster.Tests.Clients;

/// <summary>A request's outcome on the test clock: acknowledged, or failed with a status and an error code.</summary>
public sealed record Attempt(TimeSpan At, bool Ok, string Outcome);

/// <summary>An acknowledged gift: its receipt and how long it took from the first try to the acknowledgement.</summary>
public sealed record AckedGift(string StreamId, string TransferId, long Tokens, TimeSpan At, TimeSpan Took, int Tries);

/// <summary>An acknowledged chat message: its seq is in the stream for good.</summary>
public sealed record AckedChat(string StreamId, long Seq, string Text, TimeSpan At);

/// <summary>
/// Sends gifts over HTTP the way a client should: one idempotency key per gift, the same key on every retry, a
/// retry after <c>unavailable</c> (503) or a dropped connection. Any other error fails the test.
/// </summary>
public sealed class GiftSender(TestUser user, HttpClient http, IReadOnlyList<string> streams, Stopwatch clock)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    public TestUser User { get; } = user;

    public List<AckedGift> Acked { get; } = [];

    public List<Attempt> Attempts { get; } = [];

    public async Task RunAsync(int gifts, TimeSpan pace, Action onAcked)
    {
        for (var g = 0; g < gifts; g++)
        {
            var streamId = streams[g % streams.Count];
            var key = $"k_{User.Id}_{g}";
            var started = clock.Elapsed;
            for (var tries = 1; ; tries++)
            {
                var outcome = await SendOnceAsync(streamId, key);
                lock (Attempts)
                {
                    Attempts.Add(new Attempt(clock.Elapsed, outcome.Receipt is not null, outcome.Description));
                }

                if (outcome.Receipt is { } receipt)
                {
                    lock (Acked)
                    {
                        Acked.Add(new AckedGift(streamId, receipt.GetProperty("transferId").GetString()!, receipt.GetProperty("tokens").GetInt64(),
                            clock.Elapsed, clock.Elapsed - started, tries));
                    }

                    onAcked();
                    break;
                }

                if (!outcome.Retryable || clock.Elapsed - started > GiveUpAfter)
                {
                    throw new InvalidOperationException($"Gift {key} failed for good after {tries} tries: {outcome.Description}");
                }

                await Task.Delay(200);
            }

            await Task.Delay(pace);
        }
    }

    private async Task<(JsonElement? Receipt, bool Retryable, string Description)> SendOnceAsync(string streamId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/streams/{streamId}/gifts")
        {
            Content = JsonContent.Create(new { giftCode = "heart", count = 1, idempotencyKey = key }),
        };
        request.Headers.Authorization = new("Bearer", User.Token);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return (JsonDocument.Parse(body).RootElement.Clone(), false, "200");
            }

            var code = ProblemCode(body);
            // 503 unavailable is the documented "try again"; 502 is the stand-in load balancer finding no node.
            var retryable = response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway;
            return (null, retryable, $"{(int)response.StatusCode} {code}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // The node went away with the request: the same key makes the retry safe.
            return (null, true, "connection " + ex.GetType().Name);
        }
    }

    private static string ProblemCode(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "?" : "no-code";
        }
        catch (JsonException)
        {
            return "not-json";
        }
    }
}

/// <summary>Chats over the hub at a steady pace; records what was acknowledged and what failed, and how.</summary>
public sealed class Chatter : IAsyncDisposable
{
    private readonly Stopwatch _clock;

    public Chatter(TestUser user, Uri baseAddress, Stopwatch clock, bool skipNegotiation = false)
    {
        User = user;
        _clock = clock;
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/live"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
                if (skipNegotiation)
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                }
            })
            .WithAutomaticReconnect([TimeSpan.Zero, .. Enumerable.Repeat(TimeSpan.FromMilliseconds(500), 120)])
            .Build();
    }

    public TestUser User { get; }

    public HubConnection Connection { get; }

    public List<AckedChat> Acked { get; } = [];

    public List<Attempt> Attempts { get; } = [];

    public Task StartAsync() => Connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Sends one message to each stream in turn every <paramref name="pace"/> until <paramref name="stop"/>.</summary>
    public async Task RunAsync(IReadOnlyList<string> streams, TimeSpan pace, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var streamId = streams[n % streams.Count];
            var text = $"{User.Handle} says {n}";
            try
            {
                var sent = await Connection.InvokeAsync<JsonElement>("chat:message", new { streamId, text }).WaitAsync(TimeSpan.FromSeconds(40));
                lock (Acked)
                {
                    Acked.Add(new AckedChat(streamId, sent.GetProperty("seq").GetInt64(), text, _clock.Elapsed));
                    Attempts.Add(new Attempt(_clock.Elapsed, true, "ok"));
                }
            }
            catch (Exception ex)
            {
                lock (Acked)
                {
                    Attempts.Add(new Attempt(_clock.Elapsed, false, Describe(ex)));
                }
            }

            try
            {
                await Task.Delay(pace, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    /// <summary>A hub error's stable code ("unavailable"), or what broke.</summary>
    public static string Describe(Exception ex)
    {
        if (ex is HubException hub)
        {
            var text = hub.Message;
            var marker = text.IndexOf("HubException: ", StringComparison.Ordinal);
            text = marker >= 0 ? text[(marker + "HubException: ".Length)..] : text;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return "hub " + (colon > 0 ? text[..colon] : text);
        }

        return ex.GetType().Name;
    }
}
