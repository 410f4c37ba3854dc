using LiveStreamX.Streams;

namespace LiveStreamX.Grains.Streams;

/// <summary>
/// The last N events of a stream in seq order, so a reconnecting client gets exactly what it missed.
/// Holds contiguous seqs only: <see cref="Reset"/> starts over after a jump.
/// </summary>
public sealed class ReplayBuffer(int capacity)
{
    private readonly StreamEvent?[] _ring = new StreamEvent?[capacity];
    private int _start;
    private int _count;

    /// <summary>The seq of the newest event held, or the seq the buffer was reset to.</summary>
    public long LastSeq { get; private set; }

    public int Count => _count;

    /// <summary>Forgets every event; the next one must carry <paramref name="lastSeq"/> + 1.</summary>
    public void Reset(long lastSeq)
    {
        Array.Clear(_ring);
        _start = 0;
        _count = 0;
        LastSeq = lastSeq;
    }

    /// <summary>Appends the next event; its seq must follow the last one.</summary>
    public void Add(StreamEvent e)
    {
        if (e.Seq != LastSeq + 1)
        {
            throw new InvalidOperationException($"Event seq {e.Seq} does not follow {LastSeq}.");
        }

        if (_count == _ring.Length)
        {
            _ring[_start] = e;
            _start = (_start + 1) % _ring.Length;
        }
        else
        {
            _ring[(_start + _count) % _ring.Length] = e;
            _count++;
        }

        LastSeq = e.Seq;
    }

    /// <summary>
    /// The events after <paramref name="sinceSeq"/>, oldest first, or null when the buffer no longer holds them
    /// all (or the client claims a seq this stream never reached).
    /// </summary>
    public IReadOnlyList<StreamEvent>? Since(long sinceSeq)
    {
        if (sinceSeq > LastSeq || sinceSeq < 0)
        {
            return null;
        }

        var missing = LastSeq - sinceSeq;
        if (missing > _count)
        {
            return null;
        }

        var result = new StreamEvent[missing];
        var offset = _count - (int)missing;
        for (var i = 0; i < missing; i++)
        {
            result[i] = _ring[(_start + offset + i) % _ring.Length]!;
        }

        return result;
    }

    /// <summary>Everything held, oldest first.</summary>
    public StreamEvent[] ToArray() => [.. Since(LastSeq - _count) ?? []];
}
