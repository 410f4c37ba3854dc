using System.Net;
using System.Net.Sockets;

namespace LiveStreamX.Testing;

/// <summary>Free loopback TCP ports, so parallel tests and services never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
