using System.IO.Compression;
using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Media;
using LiveStreamX.Moderation;
using LiveStreamX.Streams;
using LiveStreamX.Vod;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStreamX.Grains.Vod;

/// <summary>
/// A stream's interaction timeline. The stream grain hands over every event one way, in batches (at most a second
/// or 64 events late), so chat and gifts never wait for it; this grain keeps what shows on the stream at its offset,
/// fills a gap in the seqs from the stream's replay buffer (a batch overtaken on its way, a lost hand-over), and
/// seals full pages into page grains. When the stream ends it writes the archive: the timeline as gzip NDJSON to the
/// media store (Azure Blob Storage, or the local folder), and the VOD's length and moments.
/// </summary>
// Non-reentrant: entries join in seq order, one hand-over at a time, and a page seals before the next one joins.
public sealed partial class StreamTimelineGrain(
    [PersistentState("timeline", StorageNames.Default)] IPersistentState<StreamTimelineState> state,
    IGrainContext grainContext,
    IMediaStore store,
    IOptions<VodOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<StreamTimelineGrain> logger) : Grain, IStreamTimelineGrain, IRemindable
{
    private const string ArchiveReminder = "vod-archive";
    private static readonly TimeSpan ArchiveRetry = TimeSpan.FromMinutes(1);

    private readonly VodOptions _options = options.Value;

    // The tail is written behind (a silo that dies loses at most its last second, like the chat history); sealing a
    // page and the archive are committed.
    private readonly StoredState<StreamTimelineState> _timeline = new(
        grainContext, state, "timeline", logger, "The stream's timeline could not be saved; try again.");

    private IGrainTimer? _archiveTimer;

    private string StreamId => this.GetPrimaryKeyString();

    private StreamTimelineState Timeline => _timeline.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Timeline is { EndedMs: not null, Archive: null })
        {
            ScheduleArchive();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _timeline.FlushAsync(cancellationToken);
        }
        catch (DomainException)
        {
            // Logged; the entries since the last write are lost, they were delivered live.
        }
    }

    public async Task RecordAsync(StreamEvent[] events)
    {
        if (Timeline.Archive is not null)
        {
            return; // archived: the timeline is final
        }

        List<StreamEvent> fresh = [.. events.Where(e => e.Seq > Timeline.LastSeq).OrderBy(e => e.Seq)];
        if (fresh.Count == 0)
        {
            return; // a hand-over the gap filling already took in
        }

        if (fresh[0].Seq > Timeline.LastSeq + 1)
        {
            fresh.InsertRange(0, await MissedBeforeAsync(fresh[0].Seq));
        }

        foreach (var e in fresh)
        {
            await TakeAsync(e);
        }

        _timeline.Changed();
        await SealFullPagesAsync();
    }

    public async Task<TimelineRead> ReadAsync(TimelineQuery query)
    {
        if (query.Limit is < 1 or > TimelineQuery.MaxLimit)
        {
            throw DomainException.InvalidInput("limit", $"A limit is 1–{TimelineQuery.MaxLimit} entries.");
        }

        if (query.FromMs < 0 || query.ToMs < query.FromMs || query.AfterSeq < 0)
        {
            throw DomainException.InvalidInput("fromMs", "Offsets are milliseconds from the stream's start, fromMs ≤ toMs; afterSeq ≥ 0.");
        }

        var timeline = Timeline;
        var deleted = timeline.DeletedChat.ToHashSet();
        var entries = new List<TimelineEntry>(Math.Min(query.Limit + 1, 256));
        bool Wanted(TimelineEntry entry) =>
            (query.AfterSeq is { } after ? entry.Event.Seq > after : entry.OffsetMs >= query.FromMs) && !IsDeleted(entry, deleted);

        foreach (var page in timeline.Pages)
        {
            if (entries.Count > query.Limit || page.FirstMs > query.ToMs)
            {
                break;
            }

            if (query.AfterSeq is { } after ? page.LastSeq <= after : page.LastMs < query.FromMs)
            {
                continue;
            }

            Collect(await Page(page.Page).ReadAsync());
        }

        Collect(timeline.Tail);
        var more = entries.Count > query.Limit;
        if (more)
        {
            entries.RemoveRange(query.Limit, entries.Count - query.Limit);
        }

        var context = query.AfterSeq is null ? await ContextBeforeAsync(timeline, query.FromMs, deleted) : [];
        return new TimelineRead(entries, context, more ? entries[^1].Event.Seq : null, timeline.EndedMs);

        void Collect(TimelineEntry[] page)
        {
            foreach (var entry in page)
            {
                if (entries.Count > query.Limit || entry.OffsetMs > query.ToMs)
                {
                    return;
                }

                if (Wanted(entry))
                {
                    entries.Add(entry);
                }
            }
        }
    }

    public Task<VodArchive?> GetArchiveAsync() => Task.FromResult(Timeline.Archive);

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == ArchiveReminder)
        {
            await ArchiveAsync();
        }
    }

    /// <summary>The events before <paramref name="seq"/> this timeline has not seen, from the stream's replay buffer.</summary>
    private async Task<IEnumerable<StreamEvent>> MissedBeforeAsync(long seq)
    {
        var last = Timeline.LastSeq;
        var replay = await GrainFactory.GetGrain<IStreamGrain>(StreamId).ReplayAsync(last);
        if (replay.GapTooOld)
        {
            // The stream moved after a crash (its seqs jump) or the gap left its buffer: what it lost is lost here too.
            LogGap(logger, StreamId, last, seq);
            return [];
        }

        return replay.Events.Where(e => e.Seq > last && e.Seq < seq);
    }

    private async Task TakeAsync(StreamEvent e)
    {
        var timeline = Timeline with { LastSeq = e.Seq };
        if (e is StreamStateChanged { Status: StreamStatus.Live })
        {
            timeline = timeline with { StartedAt = e.At };
        }
        else if (timeline.StartedAt is null)
        {
            // A timeline that begins mid-stream (its first hand-overs lost): the stream knows when it started.
            var info = await GrainFactory.GetGrain<IStreamGrain>(StreamId).GetAsync();
            timeline = timeline with { StartedAt = info?.StartedAt };
        }

        _timeline.State = timeline;
        if (timeline.StartedAt is not { } started || e.At < started)
        {
            return; // before the stream went live: nothing to replay
        }

        var entry = new TimelineEntry((long)(e.At - started).TotalMilliseconds, e);
        switch (e)
        {
            case ChatMessageDeleted deleted:
                var before = timeline.Tail.Length;
                TimelineEntry[] tail = [.. timeline.Tail.Where(t => t.Event is not ChatMessageEvent m || m.Id != deleted.MessageId)];
                _timeline.State = tail.Length < before
                    ? timeline with { Tail = tail }
                    : timeline with { DeletedChat = [.. timeline.DeletedChat, deleted.MessageId] };
                return;
            case StreamStateChanged { Status: StreamStatus.Ended }:
                _timeline.State = timeline with { Tail = [.. timeline.Tail, entry], EndedMs = entry.OffsetMs };
                ScheduleArchive();
                return;
        }

        if (TimelineEvents.Keeps(e))
        {
            _timeline.State = timeline with { Tail = [.. timeline.Tail, entry] };
        }
    }

    // A page is written before the head lets go of its entries: a crash in between writes the same page again.
    private async Task SealFullPagesAsync()
    {
        while (Timeline.Tail.Length >= _options.PageSize)
        {
            var head = Timeline;
            var sealedEntries = head.Tail[.._options.PageSize];
            var number = head.Pages.Length;
            await Page(number).WriteAsync(sealedEntries);
            var info = new TimelinePageInfo(
                number, sealedEntries[0].Event.Seq, sealedEntries[^1].Event.Seq, sealedEntries[0].OffsetMs, sealedEntries[^1].OffsetMs);
            await _timeline.CommitAsync(Timeline with { Tail = Timeline.Tail[_options.PageSize..], Pages = [.. Timeline.Pages, info] });
        }
    }

    /// <summary>What a player seeking to <paramref name="offsetMs"/> shows at once: the last chat lines and latest states.</summary>
    private async Task<IReadOnlyList<TimelineEntry>> ContextBeforeAsync(StreamTimelineState timeline, long offsetMs, HashSet<string> deleted)
    {
        var chat = new List<TimelineEntry>();
        var states = new Dictionary<string, TimelineEntry>();
        bool Full() => chat.Count >= TimelineEvents.ContextChatLines && states.Count >= TimelineEvents.StateSlots;

        void Look(TimelineEntry[] oldestFirst)
        {
            for (var i = oldestFirst.Length - 1; i >= 0 && !Full(); i--)
            {
                var entry = oldestFirst[i];
                if (entry.OffsetMs >= offsetMs || IsDeleted(entry, deleted))
                {
                    continue;
                }

                if (entry.Event is ChatMessageEvent && chat.Count < TimelineEvents.ContextChatLines)
                {
                    chat.Add(entry);
                }
                else if (TimelineEvents.StateOf(entry.Event) is { } slot)
                {
                    states.TryAdd(slot, entry);
                }
            }
        }

        Look(timeline.Tail);
        var looked = 0;
        for (var p = timeline.Pages.Length - 1; p >= 0 && !Full() && looked < _options.MaxContextPages; p--)
        {
            if (timeline.Pages[p].FirstMs >= offsetMs)
            {
                continue;
            }

            Look(await Page(timeline.Pages[p].Page).ReadAsync());
            looked++;
        }

        return [.. chat.Concat(states.Values).OrderBy(e => e.Event.Seq)];
    }

    private static bool IsDeleted(TimelineEntry entry, HashSet<string> deleted) =>
        deleted.Count > 0 && entry.Event is ChatMessageEvent m && deleted.Contains(m.Id);

    private IStreamTimelinePageGrain Page(int number) => GrainFactory.GetGrain<IStreamTimelinePageGrain>($"{StreamId}/{number}");

    private void ScheduleArchive()
    {
        _archiveTimer ??= this.RegisterGrainTimer(
            async _ =>
            {
                _archiveTimer?.Dispose();
                _archiveTimer = null;
                await ArchiveAsync();
            },
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    private async Task ArchiveAsync()
    {
        if (Timeline is not { EndedMs: { } duration, StartedAt: { } started, Archive: null })
        {
            await ForgetArchiveReminderAsync();
            return;
        }

        try
        {
            // Retried by a reminder until written: a silo that dies now leaves no stream unarchived.
            await this.RegisterOrUpdateReminder(ArchiveReminder, ArchiveRetry, ArchiveRetry);
            var deleted = Timeline.DeletedChat.ToHashSet();
            var count = 0;
            var moments = new List<VodMoment>();
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var page in Timeline.Pages)
                {
                    Write(await Page(page.Page).ReadAsync());
                }

                Write(Timeline.Tail);

                void Write(TimelineEntry[] entries)
                {
                    foreach (var entry in entries.Where(e => !IsDeleted(e, deleted)))
                    {
                        TimelineJson.WriteLine(gzip, entry);
                        count++;
                        if (entry.Event is MomentDetected { Moment: var m })
                        {
                            moments.Add(new VodMoment(m.MomentId, entry.OffsetMs, m.Kind, m.Note));
                        }
                    }
                }
            }

            var blob = TimelineKey(StreamId);
            compressed.Position = 0;
            await store.WriteAsync(blob, compressed, "application/gzip", CancellationToken.None);

            var archive = new VodArchive(started, duration, count, blob, time.GetUtcNow(), moments);
            await _timeline.CommitAsync(Timeline with { Archive = archive });
            LogArchived(logger, StreamId, count, blob);
            await ForgetArchiveReminderAsync();
        }
        catch (Exception ex)
        {
            LogArchiveFailed(logger, ex, StreamId);
        }
    }

    private async Task ForgetArchiveReminderAsync()
    {
        if (await this.GetReminder(ArchiveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Where a stream's archived timeline lives in the media store.</summary>
    public static string TimelineKey(string streamId) => $"vod/{VodKeys.Of(streamId)}/timeline.ndjson.gz";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timeline {StreamId}: events after seq {LastSeq} up to {NextSeq} are lost")]
    private static partial void LogGap(ILogger logger, string streamId, long lastSeq, long nextSeq);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeline {StreamId}: archived {Count} entries to {Blob}")]
    private static partial void LogArchived(ILogger logger, string streamId, int count, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timeline {StreamId}: archiving failed; retried in a minute")]
    private static partial void LogArchiveFailed(ILogger logger, Exception ex, string streamId);
}
