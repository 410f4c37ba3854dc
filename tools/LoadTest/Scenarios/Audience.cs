using System.Collections.Concurrent;
using System.Globalization;
using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// The simulated audience of a run: the users it signs in, the streams it starts and the connections it holds.
/// Handles carry the run's id, so runs against the same server never meet.
/// </summary>
internal sealed class Audience(LoadOptions options, RunMetrics metrics, GiftBook gifts, ServerApi api, ConnectionFactory connections) : IAsyncDisposable
{
    /// <summary>How long one connect, join or call may take before it counts as failed.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private const int Parallelism = 64;
    private readonly ConcurrentQueue<ILiveConnection> _owned = new();
    private readonly List<Viewer> _viewers = [];

    public string RunId { get; } = "lt" + Guid.NewGuid().ToString("N")[..6];

    public IReadOnlyList<Viewer> Viewers
    {
        get
        {
            lock (_viewers)
            {
                return [.. _viewers];
            }
        }
    }

    public int OpenConnections => Viewers.Count(v => v.Open);

    /// <summary>Signs in one creator per stream and takes each stream live.</summary>
    public async Task<IReadOnlyList<string>> StartStreamsAsync(int count, CancellationToken cancellationToken)
    {
        var creators = await SignInAsync(count, "creator", 'c', cancellationToken);
        var streams = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, ct) =>
            streams[i] = await api.StartStreamAsync(creators[i], $"Load test {RunId} #{i}", ct));
        return streams;
    }

    /// <summary>Signs in <paramref name="count"/> new users with unique handles.</summary>
    public async Task<IReadOnlyList<SignedInUser>> SignInAsync(int count, string role, char tag, CancellationToken cancellationToken)
    {
        var users = new SignedInUser[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, ct) =>
            users[i] = await api.SignInAsync(string.Create(CultureInfo.InvariantCulture, $"{RunId}{tag}{i}"), role, ct));
        return users;
    }

    /// <summary>
    /// Connects and joins one viewer per seat, at most <see cref="LoadOptions.ConnectRate"/> a second. A seat that
    /// fails counts as an error and stays empty (null) unless it is <paramref name="required"/>, which fails the run.
    /// </summary>
    public async Task<Viewer?[]> ConnectAsync(IReadOnlyList<Seat> seats, bool required, CancellationToken cancellationToken)
    {
        var viewers = new Viewer?[seats.Count];
        var start = LoadClock.NowMicros();
        await Parallel.ForEachAsync(Enumerable.Range(0, seats.Count), Options(cancellationToken), async (i, ct) =>
        {
            var due = start + (long)(i * 1_000_000.0 / options.ConnectRate);
            var wait = due - LoadClock.NowMicros();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(wait), ct);
            }

            try
            {
                viewers[i] = await ConnectAsync(seats[i], ct);
            }
            catch (LiveCallException e) when (!required)
            {
                metrics.Error("connect:" + e.Code);
            }
        });
        return viewers;
    }

    /// <summary>A connection that sends and does not watch (its events, if any, are ignored).</summary>
    public async Task<ILiveConnection> ConnectSenderAsync(SignedInUser user, CancellationToken cancellationToken)
    {
        var connection = connections.Create(user.Token, IgnoredEvents.Instance);
        _owned.Enqueue(connection);
        using var timeout = Timeout(cancellationToken);
        await connection.StartAsync(timeout.Token);
        return connection;
    }

    /// <summary>Replaces a viewer by a new anonymous connection in <paramref name="streamId"/> (churn); null if it failed.</summary>
    public async Task<Viewer?> ReplaceAsync(Viewer leaving, string streamId, CancellationToken cancellationToken)
    {
        leaving.Close();
        await leaving.Connection.DisposeAsync();
        try
        {
            return await ConnectAsync(new Seat(streamId, null, Observer: false), cancellationToken);
        }
        catch (LiveCallException e)
        {
            metrics.Error("connect:" + e.Code);
            return null;
        }
    }

    /// <summary>
    /// After the last send: reads each stream's current seq with a fresh join, then waits (bounded) until every open
    /// viewer has reached it. What a viewer still lacks at the end counts as lost.
    /// </summary>
    public async Task DrainAsync(IReadOnlyList<string> streams, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probe = connections.Create(null, IgnoredEvents.Instance);
        _owned.Enqueue(probe);
        var targets = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var call = Timeout(cancellationToken))
        {
            await probe.StartAsync(call.Token);
            foreach (var stream in streams)
            {
                targets[stream] = await probe.JoinAsync(stream, call.Token);
            }
        }

        var deadline = LoadClock.NowMicros() + (long)timeout.TotalMicroseconds;
        while (Behind(targets).Any() && LoadClock.NowMicros() < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        foreach (var viewer in Behind(targets))
        {
            metrics.Missed(targets[viewer.StreamId] - viewer.LastSeq);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_owned, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (connection, _) =>
        {
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception)
            {
                // Closing after the run: a connection the server already dropped has nothing left to close.
            }
        });
    }

    private IEnumerable<Viewer> Behind(Dictionary<string, long> targets) =>
        Viewers.Where(v => v.Open && targets.TryGetValue(v.StreamId, out var target) && v.LastSeq < target);

    private async Task<Viewer> ConnectAsync(Seat seat, CancellationToken cancellationToken)
    {
        var viewer = new Viewer(seat.StreamId, metrics, gifts, seat.Observer);
        viewer.Connection = connections.Create(seat.Token, viewer);
        _owned.Enqueue(viewer.Connection);
        using var timeout = Timeout(cancellationToken);
        await viewer.Connection.StartAsync(timeout.Token);
        lock (_viewers)
        {
            _viewers.Add(viewer);
        }

        viewer.Joined(await viewer.Connection.JoinAsync(seat.StreamId, timeout.Token));
        return viewer;
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        return timeout;
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}

/// <summary>A place in the audience: the stream to watch, the user's token (null: anonymous), and whether it observes gifts.</summary>
internal sealed record Seat(string StreamId, string? Token, bool Observer);

/// <summary>The sink of connections that only send, and of the drain's probe.</summary>
internal sealed class IgnoredEvents : IEventSink
{
    public static readonly IgnoredEvents Instance = new();

    public void OnEvent(in LiveEvent e)
    {
    }

    public void OnClosed(Exception? error)
    {
    }
}
