using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LiveStreamX.Streams;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// A client connection written for the load tool over one text WebSocket: one receive loop, one send at a time,
/// calls answered by id. A protocol (<see cref="SignalRJsonConnection"/>, <see cref="SocketIoConnection"/>) frames the
/// calls and reads the messages. Lean on purpose: the generator shares its machine with the server it measures,
/// and what it spends per message the server cannot use.
/// </summary>
internal abstract class WebSocketConnection(LoopbackSources sources, IEventSink sink) : ILiveConnection
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private WebSocket? _socket;
    private Task? _receiving;
    private long _nextCall;
    private volatile bool _stopping;

    /// <summary>Stopped by the client: a close that follows is not the server's doing.</summary>
    protected bool Stopping => _stopping;

    protected CancellationToken Stopped => _stop.Token;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_startTimeout);
            _socket = await sources.ConnectAsync(Endpoint(), timeout.Token);
            _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
            await OnOpenAsync(timeout.Token);
            await _started.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new LiveCallException("timeout", "The connection did not open in time.", e);
        }
        catch (Exception e) when (e is not LiveCallException)
        {
            throw new LiveCallException("connection", e.Message, e);
        }
    }

    public async Task<long> JoinAsync(string streamId, CancellationToken cancellationToken) =>
        (await CallAsync(EventNames.StreamJoin, cancellationToken, streamId, null)).GetProperty("seq").GetInt64();

    public async Task<long> SendChatAsync(string streamId, string text, CancellationToken cancellationToken) =>
        (await CallAsync(EventNames.ChatMessage, cancellationToken, new { streamId, text })).GetProperty("seq").GetInt64();

    public async Task<GiftAck> SendGiftAsync(GiftOrder gift, CancellationToken cancellationToken)
    {
        var receipt = await CallAsync(EventNames.GiftSend, cancellationToken, new
        {
            streamId = gift.StreamId,
            giftCode = gift.GiftCode,
            count = gift.Count,
            idempotencyKey = gift.IdempotencyKey,
        });
        return new GiftAck(receipt.GetProperty("transferId").GetString()!, receipt.GetProperty("tokens").GetInt64(),
            receipt.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean());
    }

    public async Task<bool> ReactAsync(string streamId, string mood, int count, CancellationToken cancellationToken) =>
        (await CallAsync(EventNames.MoodReact, cancellationToken, new { streamId, mood, count })).GetProperty("accepted").GetBoolean();

    public virtual async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                await OnClosingAsync();
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

    /// <summary>Where the WebSocket goes.</summary>
    protected abstract Uri Endpoint();

    /// <summary>The protocol's opening, after the WebSocket is up; it calls <see cref="Started"/> when done.</summary>
    protected abstract Task OnOpenAsync(CancellationToken cancellationToken);

    /// <summary>Handles one WebSocket message; false when the server ended the session.</summary>
    protected abstract ValueTask<bool> OnMessageAsync(ReadOnlyMemory<byte> message);

    /// <summary>What the protocol says before a close the client asked for.</summary>
    protected virtual Task OnClosingAsync() => Task.CompletedTask;

    /// <summary>The frame of call <paramref name="id"/> to <paramref name="method"/>.</summary>
    protected abstract string CallFrame(long id, string method, object?[] args);

    protected void Started() => _started.TrySetResult();

    protected void Refused(string message) => _started.TrySetException(new LiveCallException("connection", message));

    /// <summary>The answer to call <paramref name="id"/>: its result, or the server's error text ("code: sentence").</summary>
    protected void Answered(long id, JsonElement result, string? error)
    {
        if (!_calls.TryGetValue(id, out var call))
        {
            return;
        }

        if (error is null)
        {
            call.TrySetResult(result.ValueKind == JsonValueKind.Undefined ? default : result.Clone());
        }
        else
        {
            call.TrySetException(new LiveCallException(CodeOf(error), error));
        }
    }

    /// <summary>A stream event of <paramref name="type"/>, if the contract has it.</summary>
    protected void Received(string type, JsonElement e, long arrivedMicros)
    {
        if (WireEvents.IsStreamEvent(type))
        {
            sink.OnEvent(new LiveEvent(type, e.GetProperty("streamId").GetString()!, e.GetProperty("seq").GetInt64(),
                Optional(e, "text"), Optional(e, "transferId"), arrivedMicros));
        }
    }

    /// <summary>Stream events read by <see cref="EventReader"/>, those the contract has; clears the list.</summary>
    protected void Received(List<LiveEvent> events)
    {
        foreach (var e in events)
        {
            if (WireEvents.IsStreamEvent(e.Type))
            {
                sink.OnEvent(e);
            }
        }

        events.Clear();
    }

    protected async Task SendAsync(string frame, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The connection is not open.");
        var bytes = Encoding.UTF8.GetBytes(frame);
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

    /// <summary>"… HubException: rate_limited: Slow down" or "rate_limited: Slow down" → "rate_limited".</summary>
    internal static string CodeOf(string message)
    {
        const string Marker = "HubException: ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        var text = start >= 0 ? message[(start + Marker.Length)..] : message;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !text[..colon].Contains(' ', StringComparison.Ordinal) ? text[..colon] : "error";
    }

    private async Task<JsonElement> CallAsync(string method, CancellationToken cancellationToken, params object?[] args)
    {
        var id = Interlocked.Increment(ref _nextCall);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        try
        {
            await SendAsync(CallFrame(id, method, args), cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
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
            _calls.TryRemove(id, out _);
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

                if (!await OnMessageAsync(message.WrittenMemory))
                {
                    error = new IOException("The server ended the session.");
                    break;
                }

                message.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is WebSocketException or IOException or JsonException or ObjectDisposedException or InvalidOperationException)
        {
            error = e;
        }

        var closed = new LiveCallException("connection", (error ?? new IOException("The connection closed.")).Message, error);
        _started.TrySetException(closed);
        foreach (var call in _calls.Values)
        {
            call.TrySetException(closed);
        }

        if (!_stopping && error is not null)
        {
            sink.OnClosed(error);
        }
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
