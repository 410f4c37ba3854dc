using System.Net;
using System.Net.Sockets;

namespace LiveStreamX.Cluster.Tests.Processes;

/// <summary>
/// A load balancer's stand-in on loopback: each TCP connection goes to the next backend in turn, skipping one
/// that refuses, so a client that reconnects through the same URL lands on a node that is up.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> _backends;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private int _next;

    public RoundRobinProxy(IReadOnlyList<Uri> backends)
    {
        _backends = backends;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The one URL clients use.</summary>
    public Uri Address { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }
        }

        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var _ = client;
        using var backend = await ConnectToNextAsync();
        if (backend is null)
        {
            return;
        }

        Track(client);
        Track(backend);
        try
        {
            var up = PumpAsync(client.GetStream(), backend.GetStream());
            var down = PumpAsync(backend.GetStream(), client.GetStream());
            // When either side closes or breaks, close both: a dead backend shows as a dropped connection.
            await Task.WhenAny(up, down);
        }
        finally
        {
            client.Close();
            backend.Close();
            Untrack(client);
            Untrack(backend);
        }
    }

    private async Task<TcpClient?> ConnectToNextAsync()
    {
        for (var tried = 0; tried < _backends.Count; tried++)
        {
            var target = _backends[(int)((uint)Interlocked.Increment(ref _next) % _backends.Count)];
            var backend = new TcpClient { NoDelay = true };
            try
            {
                await backend.ConnectAsync(target.Host, target.Port, _stopping.Token);
                return backend;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                backend.Dispose();
            }
        }

        return null;
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private void Track(TcpClient client)
    {
        lock (_open)
        {
            _open.Add(client);
        }
    }

    private void Untrack(TcpClient client)
    {
        lock (_open)
        {
            _open.Remove(client);
        }
    }
}
