using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Vod;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Vod;

/// <summary>
/// A stream's interaction timeline as its VOD replays it: events at their offsets from the stream's start, in
/// order, deleted chat lines gone, pages sealed and read by offset, and all of it kept when the grain moves.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TimelineCaptureTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ChatAGiftAPollAndAMomentReplayInOrderAtTheirOffsets()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var id = stream.GetPrimaryKeyString();
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await stream.PostChatAsync(viewer, "hello from the start").WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(id, "star", 2, Actors.Key())).WithTimeout();
        await Timeouts.Eventually(async () => (await stream.GetGiftStatsAsync()).TotalTokens > 0, "the gift reaches the stream");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Grains.GetGrain<IPollGrain>(id).CreateAsync(creator, new CreatePoll("Next game?", ["Chess", "Go"], 60)).WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await stream.MarkMomentAsync(viewer, "what a play").WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();

        var timeline = Grains.GetGrain<IStreamTimelineGrain>(id);
        var archive = await ArchivedAsync(timeline);
        var read = await timeline.ReadAsync(new TimelineQuery(0)).WithTimeout();

        Assert.Equal(5000, read.DurationMs);
        Assert.Equal(5000, archive.DurationMs);
        var kinds = read.Entries.Select(e => (e.Event.Type, e.OffsetMs)).ToList();
        Assert.Equal((EventNames.StreamState, 0L), kinds[0]);
        Assert.Contains((EventNames.ChatMessage, 1000L), kinds);
        Assert.Contains((EventNames.GiftReceived, 2000L), kinds);
        Assert.Contains((EventNames.PollCreate, 3000L), kinds);
        Assert.Contains((EventNames.MomentDetected, 4000L), kinds);
        Assert.Equal((EventNames.StreamState, 5000L), kinds[^1]);
        Assert.Equal(read.Entries.OrderBy(e => e.Event.Seq), read.Entries);
        Assert.DoesNotContain(read.Entries, e => e.Event.Type == EventNames.ViewersCount);
        var moment = Assert.Single(archive.Moments);
        Assert.Equal((4000L, "what a play"), (moment.OffsetMs, moment.Note));
        Assert.Equal($"vod/{id}/timeline.ndjson.gz", archive.TimelineBlob);
    }

    [Fact]
    public async Task ADeletedChatLineNeverReplaysWhetherItsPageIsSealedOrNot()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var id = stream.GetPrimaryKeyString();
        var early = await stream.PostChatAsync(creator, "early line, sealed in a page before it is deleted").WithTimeout();
        for (var i = 0; i < 12; i++)
        {
            await stream.PostChatAsync(creator, $"filler {i}").WithTimeout();
        }

        var late = await stream.PostChatAsync(creator, "late line, deleted from the head").WithTimeout();
        var timeline = Grains.GetGrain<IStreamTimelineGrain>(id);
        await Timeouts.Eventually(
            async () => (await timeline.ReadAsync(new TimelineQuery(0)).WithTimeout()).Entries.Any(e => e.Event.Seq == late.Seq),
            "the late line reaches the timeline");

        await stream.RemoveChatAsync(creator.UserId, early.Id).WithTimeout();
        await stream.RemoveChatAsync(creator.UserId, late.Id).WithTimeout();
        await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();
        await ArchivedAsync(timeline);

        var lines = (await timeline.ReadAsync(new TimelineQuery(0, Limit: 100)).WithTimeout()).Entries
            .Select(e => e.Event).OfType<ChatMessageEvent>().Select(m => m.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"filler {i}"), lines);
        var context = await timeline.ReadAsync(new TimelineQuery(1_000_000)).WithTimeout();
        Assert.DoesNotContain(context.Context, e => e.Event is ChatMessageEvent m && (m.Id == early.Id || m.Id == late.Id));
        Assert.Equal(14, (await timeline.GetArchiveAsync())!.EntryCount); // the fillers, the live and the end markers
    }

    [Fact]
    public async Task ALongTimelineIsReadPageByPageFromAnOffsetWithTheChatBeforeIt()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var id = stream.GetPrimaryKeyString();
        for (var i = 1; i <= 35; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await stream.PostChatAsync(creator, $"line {i}").WithTimeout();
        }

        var timeline = Grains.GetGrain<IStreamTimelineGrain>(id);
        await Timeouts.Eventually(
            async () => (await timeline.ReadAsync(new TimelineQuery(35_000)).WithTimeout()).Entries.Count == 1, "the last line arrives");

        // From 20 s: lines 20–24, then on from the cursor, lines 25–29; the context is the lines before 20 s.
        var first = await timeline.ReadAsync(new TimelineQuery(20_000, Limit: 5)).WithTimeout();
        Assert.Equal(["line 20", "line 21", "line 22", "line 23", "line 24"], Texts(first.Entries));
        Assert.Equal(Enumerable.Range(1, 19).Select(i => $"line {i}"), Texts(first.Context));
        Assert.NotNull(first.NextSeq);
        var next = await timeline.ReadAsync(new TimelineQuery(20_000, AfterSeq: first.NextSeq, Limit: 5)).WithTimeout();
        Assert.Equal(["line 25", "line 26", "line 27", "line 28", "line 29"], Texts(next.Entries));
        Assert.Empty(next.Context);

        var window = await timeline.ReadAsync(new TimelineQuery(10_000, ToMs: 12_000)).WithTimeout();
        Assert.Equal(["line 10", "line 11", "line 12"], Texts(window.Entries));
        Assert.Null(window.NextSeq);
    }

    [Fact]
    public async Task TheTimelineSurvivesItsGrainMoving()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var id = stream.GetPrimaryKeyString();
        for (var i = 1; i <= 14; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await stream.PostChatAsync(creator, $"line {i}").WithTimeout();
        }

        var timeline = Grains.GetGrain<IStreamTimelineGrain>(id);
        await Timeouts.Eventually(
            async () => Texts((await timeline.ReadAsync(new TimelineQuery(0)).WithTimeout()).Entries).Count == 14, "every line arrives");
        var before = await timeline.ReadAsync(new TimelineQuery(0)).WithTimeout();

        await fixture.Cluster.DeactivateAsync(timeline).WithTimeout();
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        var after = await timeline.ReadAsync(new TimelineQuery(0)).WithTimeout();
        Assert.Equal(before.Entries.Select(e => (e.OffsetMs, e.Event.Seq)), after.Entries.Select(e => (e.OffsetMs, e.Event.Seq)));

        // The moved stream continues after a seq jump; the timeline goes on with its next events.
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await stream.PostChatAsync(creator, "after the move").WithTimeout();
        await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();
        await ArchivedAsync(timeline);
        var all = Texts((await timeline.ReadAsync(new TimelineQuery(0)).WithTimeout()).Entries);
        Assert.Equal([.. Enumerable.Range(1, 14).Select(i => $"line {i}"), "after the move"], all);
    }

    [Fact]
    public async Task AReadWithABadLimitOrOffsetIsRefused()
    {
        var timeline = Grains.GetGrain<IStreamTimelineGrain>(TestIds.Stream());
        foreach (var query in new[] { new TimelineQuery(0, Limit: 0), new TimelineQuery(0, Limit: 5000), new TimelineQuery(-1), new TimelineQuery(10, ToMs: 5) })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => timeline.ReadAsync(query).WithTimeout());
            Assert.Equal(ErrorCodes.InvalidInput, refused.Code);
        }

        Assert.Null(await timeline.GetArchiveAsync().WithTimeout());
    }

    private static List<string> Texts(IEnumerable<TimelineEntry> entries) =>
        [.. entries.Select(e => e.Event).OfType<ChatMessageEvent>().Select(m => m.Text)];

    private static async Task<VodArchive> ArchivedAsync(IStreamTimelineGrain timeline)
    {
        VodArchive? archive = null;
        await Timeouts.Eventually(async () => (archive = await timeline.GetArchiveAsync().WithTimeout()) is not null, "the timeline is archived");
        return archive!;
    }
}
