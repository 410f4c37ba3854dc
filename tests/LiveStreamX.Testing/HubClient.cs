using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveStreamX.Testing;

/// <summary>
/// A real SignalR client of <c>/hubs/live</c> that records every stream event it receives, in arrival order.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly string[] StreamEventTypes = ["chat:message", "stream:state", "viewers:count", "chat:slowmode"];

    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public HubClient(Uri hubUrl, string? token)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        foreach (var type in StreamEventTypes)
        {
            Connection.On<JsonElement>(type, e =>
            {
                _events.Enqueue(e.Clone());
                _arrived.Release();
            });
        }
    }

    public HubConnection Connection { get; }

    /// <summary>Every event received so far.</summary>
    public IReadOnlyList<JsonElement> Events => [.. _events];

    public async Task<HubClient> StartAsync()
    {
        await Connection.StartAsync().WithTimeout();
        return this;
    }

    public Task<JsonElement> JoinAsync(string streamId, long? sinceSeq = null) =>
        Connection.InvokeAsync<JsonElement>("stream:join", streamId, sinceSeq).WithTimeout();

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
            foreach (var e in _events)
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
                throw new TimeoutException($"Timed out waiting for {what}; received: {string.Join(", ", _events.Select(e => e.GetProperty("type").GetString()))}");
            }
        }
    }

    public Task<JsonElement> WaitForAsync(string type, string streamId, Func<JsonElement, bool>? match = null) =>
        WaitForAsync(
            e => e.GetProperty("type").GetString() == type && e.GetProperty("streamId").GetString() == streamId && (match?.Invoke(e) ?? true),
            $"{type} in {streamId}");

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _arrived.Dispose();
    }
}
