using LiveStreamX.Analytics;

namespace LiveStreamX.Grains.Analytics;

/// <summary>
/// A stream grain's analytics counts since it last handed them over: a few additions per chat line or gift in
/// memory, and one one-way call to the stream's analytics grain when a minute turns (or when the figures are read),
/// never a call per event. A crash loses at most the minute under way.
/// </summary>
internal sealed class StreamTally
{
    private readonly SortedDictionary<long, MinuteCounts> _minutes = [];
    private readonly List<ViewerSample> _viewers = [];
    private long _oldestMinute = long.MaxValue;

    public void Chat(DateTimeOffset at) => Add(at, m => m with { ChatMessages = m.ChatMessages + 1 });

    public void Gift(DateTimeOffset at, int count, long tokens, long earnings) =>
        Add(at, m => m with { Gifts = m.Gifts + count, Tokens = m.Tokens + tokens, Earnings = m.Earnings + earnings });

    public void Viewers(DateTimeOffset at, int count)
    {
        _viewers.Add(new ViewerSample(at, count));
        _oldestMinute = Math.Min(_oldestMinute, MinuteOf(at));
    }

    /// <summary>The counts, when a minute turned since they were last taken: the previous minute is complete.</summary>
    public AnalyticsTally? TakeIfMinuteTurned(DateTimeOffset now) => _oldestMinute < MinuteOf(now) ? Take() : null;

    public AnalyticsTally Take()
    {
        if (_minutes.Count == 0 && _viewers.Count == 0)
        {
            return AnalyticsTally.Empty;
        }

        var tally = new AnalyticsTally([.. _minutes.Values], [.. _viewers]);
        _minutes.Clear();
        _viewers.Clear();
        _oldestMinute = long.MaxValue;
        return tally;
    }

    public static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    private void Add(DateTimeOffset at, Func<MinuteCounts, MinuteCounts> change)
    {
        var minute = MinuteOf(at);
        _minutes[minute] = change(_minutes.GetValueOrDefault(minute) ?? new MinuteCounts(minute));
        _oldestMinute = Math.Min(_oldestMinute, minute);
    }
}
