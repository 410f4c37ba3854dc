using LiveStreamX.Streams;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>
/// One watching connection. Applies docs/PROTOCOL.md's seq rules: events at or below the join snapshot's seq are
/// in the snapshot (they may still arrive live, before or after the join answers, and are dropped unless the same
/// seq comes twice); above it each seq must be exactly the last + 1: a jump is that many lost events, a seq at or
/// below the last a duplicate. Chat and gift events also yield their end-to-end latency.
/// </summary>
internal sealed class Viewer(string streamId, RunMetrics metrics, GiftBook gifts, bool observer) : IEventSink
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _inSnapshot = [];
    private List<long>? _early = [];
    private long _floor;
    private long _last;
    private bool _open = true;

    public ILiveConnection Connection { get; set; } = null!;

    public string StreamId => streamId;

    /// <summary>This stream's gift observer: counts every transfer it receives (one per stream, never churned).</summary>
    public bool Observer => observer;

    /// <summary>Still connected and watching: neither closed by the server nor churned out.</summary>
    public bool Open
    {
        get
        {
            lock (_gate)
            {
                return _open && _early is null;
            }
        }
    }

    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    public void OnEvent(in LiveEvent e)
    {
        metrics.Delivery(e.ArrivedMicros);
        if (e.Type == EventNames.ChatMessage && ChatText.TryParse(e.Text, out var intended))
        {
            metrics.Latent(intended, e.ArrivedMicros);
        }
        else if (e.Type == EventNames.GiftReceived && e.TransferId is { } transferId)
        {
            gifts.Arrived(transferId, e.ArrivedMicros, observer);
        }

        lock (_gate)
        {
            if (_early is not null)
            {
                _early.Add(e.Seq);
            }
            else if (_open)
            {
                Apply(e.Seq);
            }
        }
    }

    public void OnClosed(Exception? error)
    {
        metrics.Error("disconnected");
        Close();
    }

    /// <summary>The join answered: live events above <paramref name="snapshotSeq"/> count from here.</summary>
    public void Joined(long snapshotSeq)
    {
        lock (_gate)
        {
            _floor = _last = snapshotSeq;
            var early = _early ?? [];
            _early = null;
            early.Sort();
            foreach (var seq in early)
            {
                Apply(seq);
            }
        }
    }

    /// <summary>Stops counting this viewer (it was churned out, or its connection is gone).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _open = false;
        }
    }

    private void Apply(long seq)
    {
        if (seq <= _floor)
        {
            if (!_inSnapshot.Add(seq))
            {
                metrics.Duplicate();
            }

            return;
        }

        if (seq <= _last)
        {
            metrics.Duplicate();
            return;
        }

        if (seq > _last + 1)
        {
            metrics.Missed(seq - _last - 1);
        }

        _last = seq;
    }
}
