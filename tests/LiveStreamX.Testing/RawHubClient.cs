using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveStreamX.Testing;

/// <summary>
/// A SignalR JSON-protocol client over a bare WebSocket that sends invocations exactly as written, so tests can send
/// what the real client never would (lone surrogates, repeated names, strings for numbers, wrong argument counts).
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly char[] _chars = new char[64 * 1024];
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private int _nextId;

    private RawHubClient()
    {
    }

    /// <summary>Why the server closed the connection (its close message's error), once it did.</summary>
    public string? CloseError { get; private set; }

    public bool IsOpen => _socket.State == WebSocketState.Open && CloseError is null;

    public static async Task<RawHubClient> ConnectAsync(Uri baseAddress, string? token)
    {
        var client = new RawHubClient();
        var url = new UriBuilder(new Uri(baseAddress, "/hubs/live")) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" };
        if (token is not null)
        {
            url.Query = "access_token=" + Uri.EscapeDataString(token);
        }

        await client._socket.ConnectAsync(url.Uri, CancellationToken.None).WithTimeout();
        await client.SendTextAsync("""{"protocol":"json","version":1}""" + Separator);
        var handshake = await client.ReadMessageAsync();
        if (handshake is null || handshake.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The hub refused the handshake: {handshake}");
        }

        return client;
    }

    /// <summary>
    /// Invokes <paramref name="target"/> with <paramref name="argumentsJson"/> (the text of the JSON array) and
    /// returns the completion: its error, or null when it succeeded. Throws <see cref="IOException"/> when the
    /// server closed the connection instead of answering.
    /// </summary>
    /// <remarks><paramref name="rawMessage"/> replaces the whole invocation message, for text that is not one.</remarks>
    public async Task<(bool Completed, string? Error, string? Result)> InvokeAsync(string target, string argumentsJson, string? rawMessage = null)
    {
        var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = rawMessage ?? $$"""{"type":1,"invocationId":"{{id}}","target":{{JsonSerializer.Serialize(target)}},"arguments":{{argumentsJson}}}""";
        await SendTextAsync(message + Separator);
        while (true)
        {
            var text = await ReadMessageAsync() ?? throw new IOException($"The server closed the connection: {CloseError ?? "no reason"}");
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            switch (root.GetProperty("type").GetInt32())
            {
                case 3 when root.TryGetProperty("invocationId", out var answered) && answered.GetString() == id:
                    return (true, root.TryGetProperty("error", out var error) ? error.GetString() : null,
                        root.TryGetProperty("result", out var result) ? result.GetRawText() : null);
                case 7:
                    CloseError = root.TryGetProperty("error", out var reason) ? reason.GetString() : "closed without an error";
                    throw new IOException($"The server closed the connection: {CloseError}");
                default:
                    continue;
            }
        }
    }

    private async Task SendTextAsync(string text) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).WithTimeout();

    private async Task<string?> ReadMessageAsync()
    {
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }

            if (_socket.State != WebSocketState.Open)
            {
                return null;
            }

            var received = await _socket.ReceiveAsync(_buffer, CancellationToken.None).WithTimeout();
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            // A character may be split between two frames: the decoder keeps the first half until the second.
            var count = _utf8.GetChars(_buffer, 0, received.Count, _chars, 0, flush: false);
            _pending.Append(_chars, 0, count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException)
            {
                // Closing is best effort: the server may have closed first.
            }
        }

        _socket.Dispose();
    }
}
