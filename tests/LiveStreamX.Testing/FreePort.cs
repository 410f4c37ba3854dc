using System.Net;
using System.Net.Sockets;

namespace LiveStreamX.Testing;

/// <summary>
/// Free loopback TCP ports for the services tests start. They come from 20000–32767, below Linux's ephemeral range
/// (32768–60999) where every outgoing connection takes its local port, so a port handed out here is not taken by
/// some client before the service binds it; each test process scans its own block of that range (by process id)
/// and never hands out a port twice.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int BlockSize = 1000;
    private const int Blocks = 12;
    private static readonly object Gate = new();
    private static readonly int Block = First + (Environment.ProcessId % Blocks * BlockSize);
    private static int _next = Random.Shared.Next(BlockSize);
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Gate)
        {
            for (var tries = 0; tries < BlockSize * Blocks; tries++)
            {
                var port = tries < BlockSize ? Block + (_next++ % BlockSize) : First + Random.Shared.Next(BlockSize * Blocks);
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("No free loopback port in 20000–32767.");
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
