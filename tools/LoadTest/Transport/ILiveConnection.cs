namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// One client connection to a server that speaks the LiveStreamX wire contract (docs/PROTOCOL.md), over
/// SignalR or, for the baseline, Socket.IO. Events go to the <see cref="IEventSink"/> it was made with.
/// </summary>
public interface ILiveConnection : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Joins a stream; returns the snapshot's seq (live events that follow are above it).</summary>
    Task<long> JoinAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Sends a chat message; returns the seq the stream gave it.</summary>
    Task<long> SendChatAsync(string streamId, string text, CancellationToken cancellationToken);

    Task<GiftAck> SendGiftAsync(GiftOrder gift, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="count"/> reactions of one mood in one <c>mood:react</c>; false when the server dropped
    /// them (over the user's limit).
    /// </summary>
    Task<bool> ReactAsync(string streamId, string mood, int count, CancellationToken cancellationToken);
}

/// <summary>Receives a connection's stream events, on the connection's receive loop.</summary>
public interface IEventSink
{
    void OnEvent(in LiveEvent e);

    /// <summary>The server or the network closed the connection (never called for a close the client asked for).</summary>
    void OnClosed(Exception? error);
}

/// <summary>The fields of a stream event the load test reads, and when it arrived.</summary>
public readonly record struct LiveEvent(string Type, string StreamId, long Seq, string? Text, string? TransferId, long ArrivedMicros);

/// <summary>A <c>gift:send</c>.</summary>
public sealed record GiftOrder(string StreamId, string GiftCode, int Count, string IdempotencyKey);

/// <summary>The receipt of a gift.</summary>
public sealed record GiftAck(string TransferId, long Tokens, bool Duplicate);

/// <summary>A call the server refused or that failed, with the wire's error code (or a transport word).</summary>
public sealed class LiveCallException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
