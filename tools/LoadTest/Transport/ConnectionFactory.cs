namespace LiveStreamX.LoadTest.Transport;

/// <summary>The wire a target server speaks: LiveStreamX's SignalR hub, or the Socket.IO baseline.</summary>
public enum WireProtocol
{
    SignalR,
    SocketIo,
}

/// <summary>Makes client connections of one protocol to one server.</summary>
public sealed class ConnectionFactory(Uri baseUrl, WireProtocol protocol, LoopbackSources sources)
{
    public ILiveConnection Create(string? token, IEventSink sink) => protocol switch
    {
        WireProtocol.SignalR => new SignalRConnection(baseUrl, token, sink, sources),
        _ => new SocketIoConnection(baseUrl, token, sink, sources),
    };
}
