using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveStreamX.Testing;

/// <summary>
/// A real SignalR client of <c>/hubs/live</c> that records the stream events it receives, in arrival order, the
/// way docs/PROTOCOL.md tells clients to: after a join, events at or below the snapshot's seq are dropped
/// (they are already in the snapshot), and so is a repeated seq.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly string[] StreamEventTypes =
        [
            "chat:message", "stream:state", "viewers:count", "chat:slowmode", "gift:received", "overlay:trigger", "wheel:commit",
            "wheel:result", "poll:create", "poll:update", "poll:closed", "mood:state", "qa:update", "challenge:update",
            "moment:detected", "overlay:update", "leaderboard:update", "chat:delete", "segment:start", "segment:end",
        ];

    private readonly List<JsonElement> _events = [];
    private readonly Dictionary<string, long> _floor = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private int _batches;

    /// <summary>A client of <paramref name="hubUrl"/>, signed in with <paramref name="token"/> (or anonymous); <paramref name="webSocketsOnly"/> skips negotiate and never falls back to another transport.</summary>
    public HubClient(Uri hubUrl, string? token, bool webSocketsOnly = false)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }

                if (webSocketsOnly)
                {
                    o.SkipNegotiation = true;
                    o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                }
            })
            .Build();
        OnStreamEvents(Connection, Record, () => Interlocked.Increment(ref _batches));
    }

    /// <summary>
    /// Registers <paramref name="handler"/> for every stream event, alone or inside a <c>stream:events</c> batch
    /// (unpacked in order); <paramref name="batched"/> is told of each batch.
    /// </summary>
    public static void OnStreamEvents(HubConnection connection, Action<JsonElement> handler, Action? batched = null)
    {
        foreach (var type in StreamEventTypes)
        {
            connection.On<JsonElement>(type, e => handler(e.Clone()));
        }

        connection.On<JsonElement>("stream:events", batch =>
        {
            batched?.Invoke();
            foreach (var e in batch.GetProperty("events").EnumerateArray())
            {
                handler(e.Clone());
            }
        });
    }

    /// <summary>How many <c>stream:events</c> batches arrived.</summary>
    public int Batches => Volatile.Read(ref _batches);

    public HubConnection Connection { get; }

    /// <summary>Every event received so far.</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public async Task<HubClient> StartAsync()
    {
        await Connection.StartAsync().WithTimeout();
        return this;
    }

    public async Task<JsonElement> JoinAsync(string streamId, long? sinceSeq = null)
    {
        var joined = await Connection.InvokeAsync<JsonElement>("stream:join", streamId, sinceSeq).WithTimeout();
        var seq = joined.GetProperty("seq").GetInt64();
        lock (_events)
        {
            _floor[streamId] = seq;
            _events.RemoveAll(e => StreamOf(e) == streamId && SeqOf(e) <= seq);
        }

        return joined;
    }

    public Task<JsonElement> ChatAsync(string streamId, string text) =>
        Connection.InvokeAsync<JsonElement>("chat:message", new { streamId, text }).WithTimeout();

    /// <summary>Events of one type for one stream, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Of(string type, string streamId) =>
        Events.Where(e => e.GetProperty("type").GetString() == type && e.GetProperty("streamId").GetString() == streamId).ToList();

    /// <summary>Waits until an event matching <paramref name="match"/> has arrived, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeouts.Default);
        while (true)
        {
            foreach (var e in Events)
            {
                if (match(e))
                {
                    return e;
                }
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}; received: {string.Join(", ", Events.Select(e => e.GetProperty("type").GetString()))}");
            }
        }
    }

    public Task<JsonElement> WaitForAsync(string type, string streamId, Func<JsonElement, bool>? match = null) =>
        WaitForAsync(
            e => e.GetProperty("type").GetString() == type && e.GetProperty("streamId").GetString() == streamId && (match?.Invoke(e) ?? true),
            $"{type} in {streamId}");

    private static string? StreamOf(JsonElement e) => e.GetProperty("streamId").GetString();

    private static long SeqOf(JsonElement e) => e.GetProperty("seq").GetInt64();

    private void Record(JsonElement e)
    {
        lock (_events)
        {
            var stream = StreamOf(e)!;
            var seq = SeqOf(e);
            if ((_floor.TryGetValue(stream, out var floor) && seq <= floor) || _events.Any(x => StreamOf(x) == stream && SeqOf(x) == seq))
            {
                return;
            }

            _events.Add(e);
        }

        _arrived.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _arrived.Dispose();
    }
}
