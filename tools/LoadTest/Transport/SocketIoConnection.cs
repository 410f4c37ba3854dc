using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveStreamX.LoadTest.Metrics;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// A Socket.IO v4 client (Engine.IO 4, WebSocket transport only, default namespace, text packets) for the
/// baseline in bench/baseline. The baseline speaks the same event names and payloads; each call is acknowledged
/// with <c>{ ok: result }</c> or <c>{ error: "code: sentence" }</c>.
/// </summary>
/// <remarks>
/// Written for the load tool rather than taken from a package: the one .NET Socket.IO client served here
/// (SocketIOClient 3.0.6) now and then never completed a connect or an acknowledgement under a burst of
/// connections, and it is as lean as <see cref="SignalRJsonConnection"/>, so both servers face the same generator.
/// Packets (socket.io-protocol v5 over engine.io-protocol v4): <c>0{…}</c> open, <c>2</c>/<c>3</c> ping/pong,
/// <c>40{auth}</c> connect, <c>42[name,data]</c> event, <c>42id[name,…]</c> event wanting an ack,
/// <c>43id[data]</c> ack, <c>44{message}</c> connect error, <c>41</c> disconnect.
/// </remarks>
internal sealed class SocketIoConnection(Uri baseUrl, string? token, IEventSink sink, LoopbackSources sources)
    : WebSocketConnection(sources, sink)
{
    private readonly List<LiveEvent> _events = [];

    protected override Uri Endpoint() => new UriBuilder(baseUrl)
    {
        Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Path = "/socket.io/",
        Query = "EIO=4&transport=websocket",
    }.Uri;

    // The server opens: the connect to the default namespace follows its open packet ("0{…}").
    protected override Task OnOpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task OnClosingAsync() => SendAsync("41", CancellationToken.None);

    protected override string CallFrame(long id, string method, object?[] args) =>
        "42" + id.ToString(CultureInfo.InvariantCulture) + JsonSerializer.Serialize<object?[]>([method, .. args]);

    protected override async ValueTask<bool> OnMessageAsync(ReadOnlyMemory<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return true;
        }

        switch ((char)packet.Span[0])
        {
            case '0':
                // Open: the session exists; connect to the default namespace, with the token as auth.
                await SendAsync(token is null ? "40" : "40" + JsonSerializer.Serialize(new { token }), Stopped);
                return true;
            case '1':
                return false;
            case '2':
                await SendAsync("3", Stopped);
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

        var rest = packet[1..];
        switch ((char)packet.Span[0])
        {
            case '0':
                Started();
                return true;
            case '1':
                return false;
            case '4':
                Refused("Socket.IO refused the connect: " + Encoding.UTF8.GetString(rest.Span));
                return true;
            case '2':
                OnEvent(SkipDigits(rest, out _));
                return true;
            case '3':
                var data = SkipDigits(rest, out var id);
                using (var document = JsonDocument.Parse(data))
                {
                    var reply = document.RootElement[0];
                    Answered(id, reply.TryGetProperty("ok", out var ok) ? ok : default,
                        reply.TryGetProperty("error", out var error) ? error.GetString() ?? "error" : null);
                }

                return true;
            default:
                return true;
        }
    }

    private void OnEvent(ReadOnlyMemory<byte> json)
    {
        var arrived = LoadClock.NowMicros();
        if (EventReader.TryReadSocketIoEvent(json.Span, arrived, _events))
        {
            Received(_events);
            return;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetArrayLength() >= 2 && root[0].GetString() is { } type)
        {
            Received(type, root[1], arrived);
        }
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
}
