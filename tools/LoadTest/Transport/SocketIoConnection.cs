using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.Streams;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// A Socket.IO v4 client (Engine.IO 4, WebSocket transport only, default namespace, text packets) for the
/// baseline in bench/baseline. The baseline speaks the same event names and payloads; each call is acknowledged
/// with <c>{ ok: result }</c> or <c>{ error: "code: sentence" }</c>.
/// </summary>
/// <remarks>
/// Written for the load tool rather than taken from a package: the one .NET Socket.IO client served here
/// (SocketIOClient 3.0.6) now and then never completed a connect or an acknowledgement under a burst of
/// connections. This one opens its WebSocket through <see cref="LoopbackSources"/>, as the SignalR client does.
/// Packets (socket.io-protocol v5 over engine.io-protocol v4): <c>0{…}</c> open, <c>2</c>/<c>3</c> ping/pong,
/// <c>40{auth}</c> connect, <c>42[name,data]</c> event, <c>42id[name,…]</c> event wanting an ack,
/// <c>43id[data]</c> ack, <c>44{message}</c> connect error, <c>41</c> disconnect.
/// </remarks>
internal sealed class SocketIoConnection(Uri baseUrl, string? token, IEventSink sink, LoopbackSources sources) : ILiveConnection
{
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _acks = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private WebSocket? _socket;
    private Task? _receiving;
    private long _nextAck;
    private volatile bool _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(baseUrl)
        {
            Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = "/socket.io/",
            Query = "EIO=4&transport=websocket",
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_connectTimeout);
            _socket = await sources.ConnectAsync(builder.Uri, timeout.Token);
            _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
            await _connected.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new LiveCallException("timeout", "The Socket.IO connect did not complete in time.", e);
        }
        catch (Exception e) when (e is not LiveCallException)
        {
            throw new LiveCallException("connection", e.Message, e);
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
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                await SendAsync("41", CancellationToken.None);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // Closing a connection that is already going: nothing left to tell the server.
            }
        }

        await _stop.CancelAsync();
        if (_receiving is not null)
        {
            await _receiving;
        }

        _socket?.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }

    private async Task<JsonElement> EmitAsync(string name, CancellationToken cancellationToken, params object?[] args)
    {
        var id = Interlocked.Increment(ref _nextAck);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _acks[id] = answer;
        try
        {
            var packet = "42" + id.ToString(CultureInfo.InvariantCulture) + JsonSerializer.Serialize<object?[]>([name, .. args]);
            await SendAsync(packet, cancellationToken);
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
        finally
        {
            _acks.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(string packet, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The connection is not open.");
        var bytes = Encoding.UTF8.GetBytes(packet);
        // A WebSocket takes one send at a time.
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var socket = _socket!;
        var message = new ArrayBufferWriter<byte>(4096);
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(message.GetMemory(4096), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    error = new IOException($"The server closed the WebSocket ({socket.CloseStatus}).");
                    break;
                }

                message.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (!await OnPacketAsync(message.WrittenMemory))
                {
                    error = new IOException("The server disconnected the socket.");
                    break;
                }

                message.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is WebSocketException or IOException or JsonException or ObjectDisposedException)
        {
            error = e;
        }

        var closed = error ?? new IOException("The connection closed.");
        _connected.TrySetException(closed);
        foreach (var pending in _acks.Values)
        {
            pending.TrySetException(closed);
        }

        if (!_stopping && error is not null)
        {
            sink.OnClosed(error);
        }
    }

    /// <summary>Handles one Engine.IO packet; false when the server ended the session.</summary>
    private async Task<bool> OnPacketAsync(ReadOnlyMemory<byte> packet)
    {
        if (packet.Length == 0)
        {
            return true;
        }

        switch ((char)packet.Span[0])
        {
            case '0':
                // Open: the session exists; connect to the default namespace, with the token as auth.
                await SendAsync(token is null ? "40" : "40" + JsonSerializer.Serialize(new { token }), _stop.Token);
                return true;
            case '1':
                return false;
            case '2':
                await SendAsync("3", _stop.Token);
                return true;
            case '4':
                return OnSocketIoPacket(packet[1..]);
            default:
                return true;
        }
    }

    private bool OnSocketIoPacket(ReadOnlyMemory<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return true;
        }

        var kind = (char)packet.Span[0];
        var rest = packet[1..];
        switch (kind)
        {
            case '0':
                _connected.TrySetResult();
                return true;
            case '1':
                return false;
            case '4':
                _connected.TrySetException(new LiveCallException("connection", "Socket.IO refused the connect: " + Encoding.UTF8.GetString(rest.Span)));
                return true;
            case '2':
                OnEvent(SkipDigits(rest, out _));
                return true;
            case '3':
                var data = SkipDigits(rest, out var id);
                if (_acks.TryGetValue(id, out var pending))
                {
                    using var document = JsonDocument.Parse(data);
                    pending.TrySetResult(document.RootElement[0].Clone());
                }

                return true;
            default:
                return true;
        }
    }

    private void OnEvent(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetArrayLength() < 2 || root[0].GetString() is not { } type || !WireEvents.Stream.Contains(type))
        {
            return;
        }

        var e = root[1];
        sink.OnEvent(new LiveEvent(type, e.GetProperty("streamId").GetString()!, e.GetProperty("seq").GetInt64(),
            Optional(e, "text"), Optional(e, "transferId"), LoadClock.NowMicros()));
    }

    /// <summary>Reads a packet id (0 when there is none) and returns what follows it.</summary>
    private static ReadOnlyMemory<byte> SkipDigits(ReadOnlyMemory<byte> packet, out long id)
    {
        id = 0;
        var digits = packet.Span;
        var i = 0;
        while (i < digits.Length && digits[i] is >= (byte)'0' and <= (byte)'9')
        {
            id = (id * 10) + (digits[i] - '0');
            i++;
        }

        return packet[i..];
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
