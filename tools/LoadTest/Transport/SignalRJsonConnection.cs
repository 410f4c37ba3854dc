using System.Globalization;
using System.Text.Json;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.Streams;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// A SignalR client of <c>/hubs/live</c> written for the load tool: the JSON hub protocol (version 1) over a
/// WebSocket, without negotiate, the token in <c>access_token</c> as browsers send it on a WebSocket. The server
/// sees what it sees from any SignalR client; the tool spends a fraction of what <c>HubConnection</c> spends per
/// message (<c>--client hubconnection</c> runs that one, <see cref="SignalRHubConnection"/>).
/// </summary>
/// <remarks>
/// Records end with 0x1E; a WebSocket message may hold several, and the tool keeps a partial one for the next.
/// It reads invocations (type 1, <c>stream:events</c> unpacked), completions (3), pings (6) and close (7), and
/// sends a ping every 15 s so the server's client timeout (30 s) never fires on a quiet viewer.
/// </remarks>
internal sealed class SignalRJsonConnection(Uri baseUrl, string? token, IEventSink sink, LoopbackSources sources)
    : WebSocketConnection(sources, sink)
{
    private const byte RecordSeparator = 0x1E;
    private static readonly TimeSpan s_keepAlive = TimeSpan.FromSeconds(15);
    private static readonly string s_ping = "{\"type\":6}" + (char)RecordSeparator;

    private readonly List<LiveEvent> _events = [];
    private byte[] _partial = [];
    private bool _handshaken;
    private Timer? _keepAlive;

    public override async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override Uri Endpoint()
    {
        var query = token is null ? string.Empty : "access_token=" + Uri.EscapeDataString(token);
        return new UriBuilder(new Uri(baseUrl, "/hubs/live"))
        {
            Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = query,
        }.Uri;
    }

    protected override async Task OnOpenAsync(CancellationToken cancellationToken)
    {
        await SendAsync("{\"protocol\":\"json\",\"version\":1}" + (char)RecordSeparator, cancellationToken);
        _keepAlive = new Timer(_ => _ = PingAsync(), null, s_keepAlive, s_keepAlive);
    }

    protected override string CallFrame(long id, string method, object?[] args) =>
        JsonSerializer.Serialize(new { type = 1, invocationId = id.ToString(CultureInfo.InvariantCulture), target = method, arguments = args })
        + (char)RecordSeparator;

    protected override ValueTask<bool> OnMessageAsync(ReadOnlyMemory<byte> message)
    {
        var arrived = LoadClock.NowMicros();
        ReadOnlyMemory<byte> rest = message;
        if (_partial.Length > 0)
        {
            rest = (byte[])[.. _partial, .. message.Span];
            _partial = [];
        }

        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf(RecordSeparator);
            if (end < 0)
            {
                _partial = rest.ToArray();
                break;
            }

            if (!OnRecord(rest[..end], arrived))
            {
                return ValueTask.FromResult(false);
            }

            rest = rest[(end + 1)..];
        }

        return ValueTask.FromResult(true);
    }

    private bool OnRecord(ReadOnlyMemory<byte> record, long arrived)
    {
        if (_handshaken && EventReader.TryReadInvocation(record.Span, arrived, _events))
        {
            Received(_events);
            return true;
        }

        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!_handshaken)
        {
            // The handshake's answer: {} or { "error": "…" }.
            _handshaken = true;
            if (root.TryGetProperty("error", out var refusal))
            {
                Refused("SignalR refused the handshake: " + refusal.GetString());
                return false;
            }

            Started();
            return true;
        }

        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var target = root.GetProperty("target").GetString() ?? string.Empty;
                var argument = root.GetProperty("arguments")[0];
                if (target == EventNames.StreamEvents)
                {
                    foreach (var e in argument.GetProperty("events").EnumerateArray())
                    {
                        Received(e.GetProperty("type").GetString() ?? string.Empty, e, arrived);
                    }
                }
                else
                {
                    Received(target, argument, arrived);
                }

                return true;
            case 3:
                var id = long.Parse(root.GetProperty("invocationId").GetString()!, CultureInfo.InvariantCulture);
                Answered(id, root.TryGetProperty("result", out var result) ? result : default,
                    root.TryGetProperty("error", out var error) ? error.GetString() ?? "error" : null);
                return true;
            case 7:
                return false;
            default:
                return true; // pings and anything newer
        }
    }

    private async Task PingAsync()
    {
        try
        {
            await SendAsync(s_ping, Stopped);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
        {
            // The connection is closing; the receive loop reports it.
        }
    }
}
