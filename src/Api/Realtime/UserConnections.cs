using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace LiveStreamX.Api.Realtime;

/// <summary>
/// The hub connections of each signed-in user on this node, so that a suspension pushed to the node closes them
/// at once (SignalR can send to a user's connections but not close them).
/// </summary>
public sealed class UserConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byUser = new(StringComparer.Ordinal);

    public void Add(string userId, HubCallerContext connection) =>
        _byUser.GetOrAdd(userId, _ => new ConcurrentDictionary<string, HubCallerContext>(StringComparer.Ordinal))[connection.ConnectionId] = connection;

    public void Remove(string userId, string connectionId)
    {
        if (_byUser.TryGetValue(userId, out var connections) && connections.TryRemove(connectionId, out _) && connections.IsEmpty)
        {
            _byUser.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, HubCallerContext>>(userId, connections));
        }
    }

    /// <summary>Closes every connection of the user on this node; their clients see the connection end.</summary>
    public int CloseAll(string userId)
    {
        if (!_byUser.TryGetValue(userId, out var connections))
        {
            return 0;
        }

        var closed = 0;
        foreach (var connection in connections.Values)
        {
            connection.Abort();
            closed++;
        }

        return closed;
    }
}
