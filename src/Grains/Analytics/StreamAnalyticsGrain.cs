using LiveStreamX.Analytics;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Mood;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStreamX.Grains.Analytics;

/// <summary>
/// A stream's analytics in per-minute buckets. Everything arrives one-way and is written behind (at most a second
/// of figures is lost with a silo); reads take the stream's counts of the minute under way first, so a creator
/// watching the studio during the stream sees the current minute.
/// </summary>
public sealed class StreamAnalyticsGrain(
    [PersistentState("stream-analytics", StorageNames.Default)] IPersistentState<StreamAnalyticsState> analytics,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<StreamAnalyticsGrain> logger) : Grain, IStreamAnalyticsGrain
{
    // A viewer count left standing (a stream whose nodes all died) never fills more than a day of minutes at once.
    private static readonly TimeSpan MaxViewerSpan = TimeSpan.FromDays(1);
    private static readonly string[] MoodNames = [.. Enum.GetValues<MoodKind>().Select(m => m.ToString().ToLowerInvariant())];
    private const int MaxRetentionMinutes = 240;

    private StoredState<StreamAnalyticsState>? _save;

    private StoredState<StreamAnalyticsState> Save =>
        _save ??= new(GrainContext, analytics, "stream-analytics", logger, "The stream's analytics could not be saved; try again.");

    private StreamAnalyticsState State => analytics.State;

    public Task RecordAsync(AnalyticsTally tally)
    {
        Apply(tally);
        Save.Changed();
        return Task.CompletedTask;
    }

    public Task RecordReactionsAsync(DateTimeOffset at, long[] counts)
    {
        if (counts.Length > MoodNames.Length || counts.Any(c => c < 0))
        {
            throw DomainException.InvalidInput("counts", "One non-negative count per mood.");
        }

        var bucket = Bucket(StreamTally.MinuteOf(at));
        if (bucket.Reactions.Length < MoodNames.Length)
        {
            bucket.Reactions = [.. bucket.Reactions, .. new long[MoodNames.Length - bucket.Reactions.Length]];
        }

        for (var i = 0; i < counts.Length; i++)
        {
            bucket.Reactions[i] += counts[i];
        }

        Save.Changed();
        return Task.CompletedTask;
    }

    public Task RecordHeartbeatAsync(string userId, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 64)
        {
            throw DomainException.InvalidInput("userId", "A user id of 1–64 characters.");
        }

        // A minute counts a viewer once: heartbeats come 30 s apart, but one-way calls may still arrive out of
        // order, so only a minute past the last or before the first one seen is new for certain.
        var minute = StreamTally.MinuteOf(at);
        if (!State.Watches.TryGetValue(userId, out var watch))
        {
            State.Watches[userId] = watch = new WatchRecord { FirstMinute = minute, LastMinute = minute };
            Bucket(minute).Watchers++;
        }
        else if (minute > watch.LastMinute || minute < watch.FirstMinute)
        {
            Bucket(minute).Watchers++;
            watch.LastMinute = Math.Max(watch.LastMinute, minute);
            watch.FirstMinute = Math.Min(watch.FirstMinute, minute);
        }

        watch.Heartbeats++;
        Save.Changed();
        return Task.CompletedTask;
    }

    public async Task<StreamAnalytics> GetAsync(Actor actor, AnalyticsRange range)
    {
        if (range.From is { } f && range.To is { } t && (f > t || t - f > AnalyticsRange.MaxSpan))
        {
            throw DomainException.InvalidInput("range", $"'from' comes before 'to', at most {AnalyticsRange.MaxSpan.TotalDays} days apart.");
        }

        // Creator or admin, of a stream that exists: the stream grain checks, and hands over its open counts.
        Apply(await GrainFactory.Get<IStreamGrain>(this.GetPrimaryKeyString()).TakeAnalyticsAsync(actor));
        var now = time.GetUtcNow();
        if (State.ViewersSince is { } since && now > since)
        {
            Accumulate(since, now, State.Viewers);
            State.ViewersSince = now;
        }

        Save.Changed();
        return Compute(range);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Save.FlushAsync(cancellationToken);

    private void Apply(AnalyticsTally tally)
    {
        foreach (var counts in tally.Minutes)
        {
            var bucket = Bucket(counts.Minute);
            bucket.ChatMessages += counts.ChatMessages;
            bucket.Gifts += counts.Gifts;
            bucket.Tokens += counts.Tokens;
            bucket.Earnings += counts.Earnings;
            bucket.Subscriptions += counts.Subscriptions;
            bucket.NewFollowers += counts.NewFollowers;
        }

        foreach (var sample in tally.Viewers)
        {
            if (State.ViewersSince is { } since)
            {
                if (sample.At < since)
                {
                    continue; // older than what was already counted
                }

                Accumulate(since, sample.At, State.Viewers);
            }

            State.ViewersSince = sample.At;
            State.Viewers = Math.Max(0, sample.Count);
            if (sample.Count > 0)
            {
                var bucket = Bucket(StreamTally.MinuteOf(sample.At));
                bucket.PeakViewers = Math.Max(bucket.PeakViewers, sample.Count);
            }
        }
    }

    // Spreads `count` viewers over [from, to) minute by minute, for the time-weighted averages. Zero viewers cover
    // only minutes that have a bucket already (a stream nobody watches makes no buckets).
    private void Accumulate(DateTimeOffset from, DateTimeOffset to, int count)
    {
        if (to - from > MaxViewerSpan)
        {
            from = to - MaxViewerSpan;
        }

        var cursor = from;
        while (cursor < to)
        {
            var minute = StreamTally.MinuteOf(cursor);
            var minuteEnd = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60);
            var end = minuteEnd < to ? minuteEnd : to;
            var seconds = (end - cursor).TotalSeconds;
            if (count > 0 || State.Buckets.ContainsKey(minute))
            {
                var bucket = Bucket(minute);
                bucket.ViewerSeconds += count * seconds;
                bucket.CoveredSeconds += seconds;
                bucket.PeakViewers = Math.Max(bucket.PeakViewers, count);
            }

            cursor = end;
        }
    }

    private AnalyticsBucket Bucket(long minute)
    {
        if (!State.Buckets.TryGetValue(minute, out var bucket))
        {
            bucket = new AnalyticsBucket { Reactions = new long[MoodNames.Length] };
            State.Buckets[minute] = bucket;
        }

        return bucket;
    }

    private StreamAnalytics Compute(AnalyticsRange range)
    {
        var id = this.GetPrimaryKeyString();
        if (State.Buckets.Count == 0)
        {
            return new StreamAnalytics(id, range.From, range.To, new AnalyticsSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), [], []);
        }

        var first = range.From is { } f ? StreamTally.MinuteOf(f) : State.Buckets.Keys.First();
        var last = range.To is { } t ? StreamTally.MinuteOf(t) : State.Buckets.Keys.Last();
        if (range.From is null && range.To is { })
        {
            first = Math.Max(first, last - (long)AnalyticsRange.MaxSpan.TotalMinutes);
        }
        else if (range.To is null && range.From is { })
        {
            last = Math.Min(last, first + (long)AnalyticsRange.MaxSpan.TotalMinutes);
        }

        var minutes = new List<AnalyticsMinute>();
        double viewerSeconds = 0, covered = 0;
        long chat = 0, reactions = 0, gifts = 0, tokens = 0, earnings = 0, subscriptions = 0, followers = 0;
        var peak = 0;
        var watchedMinutes = 0;
        for (var minute = first; minute <= last && last >= first; minute++)
        {
            var bucket = State.Buckets.GetValueOrDefault(minute) ?? new AnalyticsBucket { Reactions = new long[MoodNames.Length] };
            var average = bucket.CoveredSeconds > 0 ? bucket.ViewerSeconds / bucket.CoveredSeconds : bucket.PeakViewers;
            minutes.Add(new AnalyticsMinute(
                DateTimeOffset.FromUnixTimeSeconds(minute * 60),
                bucket.PeakViewers,
                Math.Round(average, 2),
                bucket.Watchers,
                bucket.ChatMessages,
                Density(bucket.ChatMessages, 1, average),
                MoodNames.Select((name, i) => (name, count: i < bucket.Reactions.Length ? bucket.Reactions[i] : 0)).ToDictionary(m => m.name, m => m.count),
                bucket.Gifts,
                bucket.Tokens,
                bucket.Earnings,
                bucket.Subscriptions,
                bucket.NewFollowers));
            peak = Math.Max(peak, bucket.PeakViewers);
            viewerSeconds += bucket.ViewerSeconds;
            covered += bucket.CoveredSeconds;
            watchedMinutes += bucket.CoveredSeconds > 0 ? 1 : 0;
            chat += bucket.ChatMessages;
            reactions += bucket.Reactions.Sum();
            gifts += bucket.Gifts;
            tokens += bucket.Tokens;
            earnings += bucket.Earnings;
            subscriptions += bucket.Subscriptions;
            followers += bucket.NewFollowers;
        }

        var watches = State.Watches.Values.Where(w => w.FirstMinute <= last && w.LastMinute >= first).ToList();
        var averageViewers = covered > 0 ? viewerSeconds / covered : 0;
        var summary = new AnalyticsSummary(
            peak,
            Math.Round(averageViewers, 2),
            watches.Count,
            watches.Count > 0 ? Math.Round(watches.Average(w => (double)w.Heartbeats * StreamAnalytics.HeartbeatSeconds), 2) : 0,
            chat,
            Density(chat, watchedMinutes, averageViewers),
            reactions,
            gifts,
            tokens,
            earnings,
            subscriptions,
            followers);
        return new StreamAnalytics(
            id,
            DateTimeOffset.FromUnixTimeSeconds(first * 60),
            DateTimeOffset.FromUnixTimeSeconds((last + 1) * 60),
            summary,
            minutes,
            Retention(watches));
    }

    // Chat messages per minute per 100 viewers.
    private static double Density(long messages, int minutes, double averageViewers) =>
        minutes > 0 && averageViewers > 0 ? Math.Round(messages / (double)minutes / (averageViewers / 100), 2) : 0;

    // The share of viewers who watched at least m minutes, for m = 0 … the longest watch (capped).
    private static List<RetentionPoint> Retention(List<WatchRecord> watches)
    {
        if (watches.Count == 0)
        {
            return [];
        }

        var watched = watches.Select(w => w.Heartbeats * StreamAnalytics.HeartbeatSeconds / 60.0).ToList();
        var longest = Math.Min(MaxRetentionMinutes, (int)Math.Floor(watched.Max()));
        return [.. Enumerable.Range(0, longest + 1).Select(m => new RetentionPoint(m, Math.Round(watched.Count(w => w >= m) / (double)watched.Count, 4)))];
    }
}
