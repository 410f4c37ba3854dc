using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;

namespace LiveStreamX.Cluster.Tests.Clients;

/// <summary>
/// A viewer that follows docs/PROTOCOL.md "Reconnecting without losing events" to the letter: it applies only
/// <c>last + 1</c>, drops repeats, re-joins with <c>sinceSeq</c> on a jump and after every automatic reconnect,
/// and rebuilds from the snapshot on <c>gapTooOld</c>. It records what it applied, so a test can prove that
/// nothing was skipped.
/// </summary>
public sealed class ProtocolViewer : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly List<JsonElement> _pending = [];
    private readonly List<Applied> _applied = [];
    private readonly List<(long After, long Resumed)> _gapsTooOld = [];
    private readonly Stopwatch _clock;
    private readonly List<TimeSpan> _reconnectedAt = [];
    private bool _joining;
    private int _joins;
    private int _failedJoins;
    private int _reconnects;

    public ProtocolViewer(string name, Uri baseAddress, string streamId, Stopwatch clock, bool skipNegotiation = false)
    {
        Name = name;
        StreamId = streamId;
        _clock = clock;
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/live"), o =>
            {
                // Behind the round-robin proxy, negotiate and the WebSocket could land on different nodes.
                if (skipNegotiation)
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                }
            })
            .WithAutomaticReconnect(new SteadyRetry())
            .Build();
        HubClient.OnStreamEvents(Connection, OnEvent);

        Connection.Reconnected += _ =>
        {
            Interlocked.Increment(ref _reconnects);
            lock (_gate)
            {
                _reconnectedAt.Add(_clock.Elapsed);
            }

            // Protocol step 4: after the connection comes back, re-join with sinceSeq = last.
            BeginRejoin(force: true);
            return Task.CompletedTask;
        };
    }

    public string Name { get; }

    public string StreamId { get; }

    public HubConnection Connection { get; }

    /// <summary>The highest seq applied (or the snapshot's seq after a rebuild).</summary>
    public long Last { get; private set; }

    /// <summary>The seq of the first snapshot: every seq after it must be applied or inside a gap too old.</summary>
    public long JoinedAt { get; private set; }

    /// <summary>Successful joins after the first (on a jump or a reconnect).</summary>
    public int Rejoins => Math.Max(0, _joins - 1);

    /// <summary>When the automatic reconnects succeeded, on the test clock.</summary>
    public IReadOnlyList<TimeSpan> ReconnectedAt
    {
        get
        {
            lock (_gate)
            {
                return [.. _reconnectedAt];
            }
        }
    }

    /// <summary>Join attempts that failed and were retried.</summary>
    public int FailedJoins => _failedJoins;

    public int Reconnects => _reconnects;

    public IReadOnlyList<Applied> AppliedEvents
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>Where the server answered gapTooOld: events after <c>After</c> up to <c>Resumed</c> were not replayed.</summary>
    public IReadOnlyList<(long After, long Resumed)> GapsTooOld
    {
        get
        {
            lock (_gate)
            {
                return [.. _gapsTooOld];
            }
        }
    }

    /// <summary>Any failure of a background re-join, to fail the test with.</summary>
    public Exception? Fault { get; private set; }

    public async Task StartAsync()
    {
        await Connection.StartAsync().WaitAsync(CallTimeout);
        lock (_gate)
        {
            _joining = true;
        }

        await JoinAsync(sinceSeq: null);
    }

    /// <summary>Waits until the viewer has applied (or skipped past, on gapTooOld) <paramref name="seq"/>.</summary>
    public async Task WaitUntilAsync(long seq, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Last < seq)
        {
            if (Fault is not null)
            {
                throw new InvalidOperationException($"{Name}: a re-join failed", Fault);
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} reached seq {Last} of {StreamId}, not {seq}, within {timeout.TotalSeconds} s " +
                    $"(state {Connection.State}, {Reconnects} reconnects, {Rejoins} re-joins).");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void OnEvent(JsonElement e)
    {
        lock (_gate)
        {
            if (_joining)
            {
                // Step 3: while a join is in flight, queue the stream's live events.
                _pending.Add(e);
                return;
            }

            var seq = e.GetProperty("seq").GetInt64();
            if (seq <= Last)
            {
                return;
            }

            if (seq == Last + 1)
            {
                Apply(e, replayed: false);
                return;
            }

            // Step 2: a jump means a missed event: keep this one and fetch what is missing.
            _pending.Add(e);
        }

        BeginRejoin(force: false);
    }

    private void BeginRejoin(bool force)
    {
        lock (_gate)
        {
            if (_joining && !force)
            {
                return;
            }

            _joining = true;
        }

        // Never await a hub call inside a handler: the connection delivers the answer on the same loop.
        _ = Task.Run(async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await JoinAsync(Last);
                    return;
                }
                catch (Exception ex)
                {
                    // The node may be going away, or the cluster busy (unavailable): try again, as a client would.
                    Interlocked.Increment(ref _failedJoins);
                    if (attempt >= 60)
                    {
                        Fault = ex;
                        return;
                    }

                    await Task.Delay(500);
                }
            }
        });
    }

    private async Task JoinAsync(long? sinceSeq)
    {
        var joined = await Connection.InvokeAsync<JsonElement>("stream:join", StreamId, sinceSeq).WaitAsync(CallTimeout);
        Interlocked.Increment(ref _joins);
        var snapshotSeq = joined.GetProperty("seq").GetInt64();
        lock (_gate)
        {
            if (sinceSeq is null)
            {
                JoinedAt = snapshotSeq;
                Last = snapshotSeq;
            }
            else if (joined.GetProperty("gapTooOld").GetBoolean())
            {
                // Step 4: the server no longer holds what we missed: rebuild from the snapshot.
                _gapsTooOld.Add((Last, snapshotSeq));
                Last = snapshotSeq;
            }
            else
            {
                foreach (var e in joined.GetProperty("replay").EnumerateArray())
                {
                    var seq = e.GetProperty("seq").GetInt64();
                    if (seq == Last + 1)
                    {
                        Apply(e.Clone(), replayed: true);
                    }
                }

                if (Last < snapshotSeq)
                {
                    throw new InvalidOperationException($"{Name}: the replay after {sinceSeq} ended at {Last}, the snapshot is at {snapshotSeq}.");
                }
            }

            // Then the queued events above the snapshot, in order; a jump among them starts another re-join.
            var queued = _pending.OrderBy(p => p.GetProperty("seq").GetInt64()).ToList();
            _pending.Clear();
            _joining = false;
            var jumped = false;
            foreach (var e in queued)
            {
                var seq = e.GetProperty("seq").GetInt64();
                if (jumped || seq > Last + 1)
                {
                    jumped = true;
                    _pending.Add(e);
                }
                else if (seq == Last + 1)
                {
                    Apply(e, replayed: false);
                }
            }

            if (!jumped)
            {
                return;
            }
        }

        BeginRejoin(force: false);
    }

    private void Apply(JsonElement e, bool replayed)
    {
        var seq = e.GetProperty("seq").GetInt64();
        Last = seq;
        _applied.Add(new Applied(seq, e.GetProperty("type").GetString()!, _clock.Elapsed, replayed, e));
    }

    /// <summary>An applied event: its seq, type, when it arrived (test clock), whether it came in a replay.</summary>
    public sealed record Applied(long Seq, string Type, TimeSpan At, bool Replayed, JsonElement Event);

    /// <summary>Automatic reconnect that keeps trying every half second for a minute (the default gives up after 42 s).</summary>
    private sealed class SteadyRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromMinutes(1) ? TimeSpan.FromMilliseconds(retryContext.PreviousRetryCount == 0 ? 0 : 500) : null;
    }
}
