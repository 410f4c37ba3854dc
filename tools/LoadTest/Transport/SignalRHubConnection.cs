using LiveStreamX.Streams;
using LiveStreamX.LoadTest.Metrics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveStreamX.LoadTest.Transport;

/// <summary>
/// Microsoft's SignalR client (the .NET HubConnection, JSON protocol) on <c>/hubs/live</c> over a WebSocket, for
/// <c>--client hubconnection</c>. It skips the negotiate request and sends the token in <c>access_token</c>, as
/// browsers do on a WebSocket. It costs the generator about as much CPU per message as the server spends, so the
/// default is the tool's own <see cref="SignalRJsonConnection"/>.
/// </summary>
internal sealed class SignalRHubConnection : ILiveConnection
{
    private readonly HubConnection _hub;
    private volatile bool _stopping;

    public SignalRHubConnection(Uri baseUrl, string? token, IEventSink sink, LoopbackSources sources)
    {
        var query = token is null ? string.Empty : "?access_token=" + Uri.EscapeDataString(token);
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/live" + query), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.WebSocketFactory = sources.ConnectAsync;
            })
            .Build();
        foreach (var type in WireEvents.Stream)
        {
            _hub.On<WireEvent>(type, e => sink.OnEvent(new LiveEvent(type, e.StreamId, e.Seq, e.Text, e.TransferId, LoadClock.NowMicros())));
        }

        _hub.On<WireBatch>(EventNames.StreamEvents, batch =>
        {
            var arrived = LoadClock.NowMicros();
            foreach (var e in batch.Events)
            {
                sink.OnEvent(new LiveEvent(e.Type, e.StreamId, e.Seq, e.Text, e.TransferId, arrived));
            }
        });

        _hub.Closed += error =>
        {
            if (!_stopping)
            {
                sink.OnClosed(error);
            }

            return Task.CompletedTask;
        };
    }

    public Task StartAsync(CancellationToken cancellationToken) => Call(() => _hub.StartAsync(cancellationToken));

    public async Task<long> JoinAsync(string streamId, CancellationToken cancellationToken) =>
        (await Call(() => _hub.InvokeAsync<WireSnapshot>(EventNames.StreamJoin, streamId, null, cancellationToken))).Seq;

    public async Task<long> SendChatAsync(string streamId, string text, CancellationToken cancellationToken) =>
        (await Call(() => _hub.InvokeAsync<WireEvent>(EventNames.ChatMessage, new { streamId, text }, cancellationToken))).Seq;

    public async Task<GiftAck> SendGiftAsync(GiftOrder gift, CancellationToken cancellationToken)
    {
        var receipt = await Call(() => _hub.InvokeAsync<WireReceipt>(EventNames.GiftSend, new
        {
            streamId = gift.StreamId,
            giftCode = gift.GiftCode,
            count = gift.Count,
            idempotencyKey = gift.IdempotencyKey,
        }, cancellationToken));
        return new GiftAck(receipt.TransferId, receipt.Tokens, receipt.Duplicate);
    }

    public async Task<bool> ReactAsync(string streamId, string mood, int count, CancellationToken cancellationToken) =>
        (await Call(() => _hub.InvokeAsync<WireReactionAck>(EventNames.MoodReact, new { streamId, mood, count }, cancellationToken))).Accepted;

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await _hub.DisposeAsync();
    }

    private static async Task Call(Func<Task> call) => await Call(async () =>
    {
        await call();
        return true;
    });

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HubException e)
        {
            throw new LiveCallException(WebSocketConnection.CodeOf(e.Message), e.Message, e);
        }
        catch (OperationCanceledException e)
        {
            throw new LiveCallException("timeout", "The call did not complete in time.", e);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.WebSockets.WebSocketException or HttpRequestException)
        {
            throw new LiveCallException("connection", e.Message, e);
        }
    }

}
