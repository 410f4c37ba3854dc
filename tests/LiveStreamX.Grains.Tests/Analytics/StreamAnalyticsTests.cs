using LiveStreamX.Analytics;
using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Mood;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Analytics;

/// <summary>
/// A scripted stream under the fake clock: known viewer counts, chat lines, reactions, a gift and watch heartbeats
/// at known times, and the exact figures they must give.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamAnalyticsTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AScriptedStreamGivesExactFiguresPerMinuteAndInTotal()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var streamId = stream.GetPrimaryKeyString();
        var analytics = Grains.GetGrain<IStreamAnalyticsGrain>(streamId);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var now = fixture.Clock.GetUtcNow();
        var t0 = DateTimeOffset.FromUnixTimeSeconds(((now.ToUnixTimeSeconds() / 60) + 1) * 60);
        fixture.Clock.SetUtcNow(t0);

        // 0:00 ten viewers; 0:30 twenty, three chat lines, two hype and a love, a gift of three stars; 1:30 none.
        await stream.ReportViewersAsync("node-a", 10, null).WithTimeout();
        await UntilAsync(analytics, creator, a => a.Minutes is [{ PeakViewers: 10 }], "ten viewers announced");
        fixture.Clock.SetUtcNow(t0.AddSeconds(30));
        await stream.ReportViewersAsync("node-a", 20, null).WithTimeout();
        await UntilAsync(analytics, creator, a => a.Minutes is [{ PeakViewers: 20 }], "twenty viewers announced");
        for (var i = 0; i < 3; i++)
        {
            await stream.PostChatAsync(viewer, $"line {i}").WithTimeout();
        }

        await Grains.GetGrain<IMoodGrain>(streamId).AddAsync(new MoodBatch([2, 1, 0, 0, 0, 0])).WithTimeout();
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(streamId, "star", 3, Actors.Key())).WithTimeout();
        // One-way calls: they may arrive in any order, and the figures must not depend on it.
        await analytics.RecordHeartbeatAsync("u_one", t0.AddSeconds(10));
        await analytics.RecordHeartbeatAsync("u_one", t0.AddSeconds(40));
        await analytics.RecordHeartbeatAsync("u_two", t0.AddSeconds(40));
        await analytics.RecordHeartbeatAsync("u_one", t0.AddSeconds(70));
        fixture.Clock.SetUtcNow(t0.AddSeconds(90));
        await stream.ReportViewersAsync("node-a", 0, null).WithTimeout();

        var figures = await UntilAsync(
            analytics,
            creator,
            a => a.Summary is { Gifts: 3, Reactions: 3, UniqueViewers: 2 } && a.Minutes.Count == 2 && a.Minutes[1].Watchers == 1,
            "the gift, the reactions, the heartbeats and the last viewer count");

        // Minute 0: 10 viewers for 30 s, 20 for 30 s.
        var first = figures.Minutes[0];
        Assert.Equal(t0, first.At);
        Assert.Equal(20, first.PeakViewers);
        Assert.Equal(15, first.AverageViewers);
        Assert.Equal(2, first.Watchers);
        Assert.Equal(3, first.ChatMessages);
        Assert.Equal(20, first.ChatDensity); // 3 lines a minute for 15 viewers: 20 per 100
        Assert.Equal(2, first.Reactions["hype"]);
        Assert.Equal(1, first.Reactions["love"]);
        Assert.Equal(0, first.Reactions["sad"]);
        Assert.Equal((3, 150, 105), (first.Gifts, first.Tokens, first.Earnings)); // 30 % to the platform

        // Minute 1: 20 viewers until 1:30, then none.
        var second = figures.Minutes[1];
        Assert.Equal(t0.AddMinutes(1), second.At);
        Assert.Equal((20, 20.0, 1, 0L), (second.PeakViewers, second.AverageViewers, second.Watchers, second.ChatMessages));

        var summary = figures.Summary;
        Assert.Equal(20, summary.PeakViewers);
        Assert.Equal(16.67, summary.AverageViewers); // 1,500 viewer-seconds over 90 s
        Assert.Equal(2, summary.UniqueViewers);
        Assert.Equal(60, summary.AverageWatchSeconds); // 3 heartbeats and 1, of 30 s each
        Assert.Equal(3, summary.ChatMessages);
        Assert.Equal(9, summary.ChatDensity); // 1.5 lines a minute for 16.67 viewers
        Assert.Equal((3L, 150L, 105L, 3L), (summary.Gifts, summary.Tokens, summary.Earnings, summary.Reactions));
        Assert.Equal([new RetentionPoint(0, 1), new RetentionPoint(1, 0.5)], figures.Retention);
        Assert.Equal((t0, t0.AddMinutes(2)), (figures.From, figures.To));

        // A range selects minutes.
        var secondOnly = await analytics.GetAsync(creator, new AnalyticsRange(t0.AddMinutes(1), t0.AddMinutes(1))).WithTimeout();
        Assert.Equal([t0.AddMinutes(1)], secondOnly.Minutes.Select(m => m.At));
        Assert.Equal(1, secondOnly.Summary.UniqueViewers);
    }

    [Fact]
    public async Task OnlyTheCreatorOrAnAdminReadsAStreamsAnalytics()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var analytics = Grains.GetGrain<IStreamAnalyticsGrain>(stream.GetPrimaryKeyString());
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        var refused = await Assert.ThrowsAsync<DomainException>(() => analytics.GetAsync(viewer, new AnalyticsRange()).WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        Assert.Empty((await analytics.GetAsync(Actors.Admin(), new AnalyticsRange()).WithTimeout()).Minutes);
        Assert.Empty((await analytics.GetAsync(creator, new AnalyticsRange()).WithTimeout()).Retention);

        var unknown = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IStreamAnalyticsGrain>(TestIds.Stream()).GetAsync(Actors.Admin(), new AnalyticsRange()).WithTimeout());
        Assert.Equal(ErrorCodes.NotFound, unknown.Code);

        var backwards = await Assert.ThrowsAsync<DomainException>(() =>
            analytics.GetAsync(creator, new AnalyticsRange(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(-1))).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, backwards.Code);
        var tooLong = await Assert.ThrowsAsync<DomainException>(() =>
            analytics.GetAsync(creator, new AnalyticsRange(DateTimeOffset.UtcNow.AddDays(-40), DateTimeOffset.UtcNow)).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, tooLong.Code);
    }

    private static async Task<StreamAnalytics> UntilAsync(IStreamAnalyticsGrain analytics, Actor creator, Func<StreamAnalytics, bool> condition, string what)
    {
        StreamAnalytics? figures = null;
        await Timeouts.Eventually(
            async () => condition(figures = await analytics.GetAsync(creator, new AnalyticsRange()).WithTimeout()),
            what);
        return figures!;
    }
}
