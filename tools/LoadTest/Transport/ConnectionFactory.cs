namespace LiveStreamX.LoadTest.Transport;

/// <summary>The wire a target server speaks: LiveStreamX's SignalR hub, or the Socket.IO baseline.</summary>
public enum WireProtocol
{
    SignalR,
    SocketIo,
}

/// <summary>Which client implementation speaks the protocol.</summary>
public enum ClientKind
{
    /// <summary>The tool's own lean clients (SignalR JSON protocol, Socket.IO v4) over a WebSocket.</summary>
    Raw,

    /// <summary>Microsoft's .NET HubConnection (SignalR only).</summary>
    HubConnection,
}

/// <summary>Makes client connections of one protocol to one server.</summary>
public sealed class ConnectionFactory(Uri baseUrl, WireProtocol protocol, ClientKind client, LoopbackSources sources)
{
    public ILiveConnection Create(string? token, IEventSink sink) => (protocol, client) switch
    {
        (WireProtocol.SignalR, ClientKind.HubConnection) => new SignalRHubConnection(baseUrl, token, sink, sources),
        (WireProtocol.SignalR, _) => new SignalRJsonConnection(baseUrl, token, sink, sources),
        _ => new SocketIoConnection(baseUrl, token, sink, sources),
    };
}
