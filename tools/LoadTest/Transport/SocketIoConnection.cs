using LiveStreamX.Streams;
using System.Text.Json;
using LiveStreamX.LoadTest.Metrics;
using SocketIOClient;
using SocketIOClient.Transport;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// A Socket.IO v4 client (the SocketIOClient package) over a WebSocket, for the baseline in bench/baseline.
/// The baseline speaks the same event names and payloads; each call is acknowledged with
/// <c>{ ok: result }</c> or <c>{ error: "code: sentence" }</c>.
/// </summary>
internal sealed class SocketIoConnection : ILiveConnection
{
    private readonly SocketIOClient.SocketIO _io;
    private volatile bool _stopping;

    public SocketIoConnection(Uri baseUrl, string? token, IEventSink sink)
    {
        _io = new SocketIOClient.SocketIO(baseUrl, new SocketIOOptions
        {
            Transport = TransportProtocol.WebSocket,
            EIO = 4,
            Reconnection = false,
            Auth = token is null ? null : new { token },
        });
        foreach (var type in WireEvents.Stream)
        {
            _io.On(type, response =>
            {
                var e = response.GetValue(0);
                sink.OnEvent(new LiveEvent(type, e.GetProperty("streamId").GetString()!, e.GetProperty("seq").GetInt64(),
                    Optional(e, "text"), Optional(e, "transferId"), LoadClock.NowMicros()));
            });
        }

        _io.OnDisconnected += (_, reason) =>
        {
            if (!_stopping)
            {
                sink.OnClosed(new IOException($"Socket.IO disconnected: {reason}"));
            }
        };
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // SocketIOClient now and then never completes a connect under a burst of them: give each try 10 s, twice.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _io.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                return;
            }
            catch (TimeoutException) when (attempt < 2)
            {
                await _io.DisconnectAsync();
            }
            catch (Exception e) when (e is not LiveCallException)
            {
                throw new LiveCallException("connection", e.Message, e);
            }
        }
    }

    public async Task<long> JoinAsync(string streamId, CancellationToken cancellationToken) =>
        (await EmitAsync(EventNames.StreamJoin, cancellationToken, streamId, null)).GetProperty("seq").GetInt64();

    public async Task<long> SendChatAsync(string streamId, string text, CancellationToken cancellationToken) =>
        (await EmitAsync(EventNames.ChatMessage, cancellationToken, new { streamId, text })).GetProperty("seq").GetInt64();

    public async Task<GiftAck> SendGiftAsync(GiftOrder gift, CancellationToken cancellationToken)
    {
        var receipt = await EmitAsync(EventNames.GiftSend, cancellationToken, new
        {
            streamId = gift.StreamId,
            giftCode = gift.GiftCode,
            count = gift.Count,
            idempotencyKey = gift.IdempotencyKey,
        });
        return new GiftAck(receipt.GetProperty("transferId").GetString()!, receipt.GetProperty("tokens").GetInt64(),
            receipt.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean());
    }

    public async Task<bool> ReactAsync(string streamId, string mood, CancellationToken cancellationToken) =>
        (await EmitAsync(EventNames.MoodReact, cancellationToken, new { streamId, mood })).GetProperty("accepted").GetBoolean();

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        try
        {
            await _io.DisconnectAsync();
        }
        finally
        {
            _io.Dispose();
        }
    }

    private async Task<JsonElement> EmitAsync(string name, CancellationToken cancellationToken, params object?[] args)
    {
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _io.EmitAsync(name, response => answer.TrySetResult(response.GetValue(0).Clone()), args);
            var reply = await answer.Task.WaitAsync(cancellationToken);
            if (reply.TryGetProperty("error", out var error))
            {
                var message = error.GetString() ?? "error";
                var colon = message.IndexOf(':', StringComparison.Ordinal);
                throw new LiveCallException(colon > 0 ? message[..colon] : "error", message);
            }

            return reply.GetProperty("ok");
        }
        catch (OperationCanceledException e)
        {
            throw new LiveCallException("timeout", "The call did not complete in time.", e);
        }
        catch (Exception e) when (e is not LiveCallException)
        {
            throw new LiveCallException("connection", e.Message, e);
        }
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
