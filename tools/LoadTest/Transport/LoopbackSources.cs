using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// Opens WebSockets from several loopback source addresses in turn (127.0.0.1, 127.0.0.2, …). One source
/// address has about 28,000 ephemeral ports, so more addresses let one machine hold more connections.
/// </summary>
public sealed class LoopbackSources : IDisposable
{
    private readonly HttpMessageInvoker[] _invokers;
    private int _next = -1;

    public LoopbackSources(IReadOnlyList<IPAddress> addresses)
    {
        _invokers = [.. addresses.Select(address => new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = (context, cancellationToken) => ConnectFromAsync(address, context.DnsEndPoint, cancellationToken),
        }))];
    }

    /// <summary>For <see cref="HttpConnectionOptions.WebSocketFactory"/>: a WebSocket from the next source address.</summary>
    public async ValueTask<WebSocket> ConnectAsync(WebSocketConnectionContext context, CancellationToken cancellationToken) =>
        await ConnectAsync(context.Uri, cancellationToken);

    /// <summary>A WebSocket to <paramref name="uri"/> from the next source address.</summary>
    public async Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, Next(), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }
    }

    private HttpMessageInvoker Next() => _invokers[(uint)Interlocked.Increment(ref _next) % (uint)_invokers.Length];

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, DnsEndPoint target, CancellationToken cancellationToken)
    {
        var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
