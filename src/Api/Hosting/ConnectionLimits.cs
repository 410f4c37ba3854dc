using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Api.Hosting;

/// <summary>
/// How many client connections a node accepts. Section <c>LSX:Connections</c>. Each connection is a file descriptor:
/// a node that runs out of them cannot open a socket to the cluster or a file and fails as a whole, dropping every
/// viewer; past these limits Kestrel closes a new connection at once and the node carries on.
/// </summary>
public sealed class ConnectionLimits
{
    public const string Section = "LSX:Connections";

    /// <summary>Descriptors kept for the process itself (silo and cluster sockets, Redis, files) when the limits are derived.</summary>
    public const int ProcessReserve = 500;

    /// <summary>WebSocket (hub) connections; unset: the process's open-file limit less <see cref="ProcessReserve"/> and <see cref="MaxHttpConnections"/>.</summary>
    [Range(1, 10_000_000)]
    public int? MaxWebSocketConnections { get; set; }

    /// <summary>Plain HTTP connections (REST, negotiate) open at once.</summary>
    [Range(1, 1_000_000)]
    public int MaxHttpConnections { get; set; } = 250;

    /// <summary>The WebSocket limit in force: the configured one, or what the open-file limit leaves.</summary>
    public long WebSocketLimit(long? openFileLimit) =>
        MaxWebSocketConnections ?? (openFileLimit is { } files ? Math.Max(100, files - ProcessReserve - MaxHttpConnections) : long.MaxValue);

    /// <summary>This process's soft limit of open files (Linux, /proc/self/limits); null where it cannot be read.</summary>
    public static long? OpenFileLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, out var limit) ? limit : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Applies <see cref="ConnectionLimits"/> to Kestrel.</summary>
internal sealed class KestrelConnectionLimits(IOptions<ConnectionLimits> limits) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var value = limits.Value;
        var webSockets = value.WebSocketLimit(ConnectionLimits.OpenFileLimit());
        options.Limits.MaxConcurrentConnections = value.MaxHttpConnections;
        options.Limits.MaxConcurrentUpgradedConnections = webSockets == long.MaxValue ? null : webSockets;
    }
}
