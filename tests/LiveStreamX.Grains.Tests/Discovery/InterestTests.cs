using LiveStreamX.Discovery;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Discovery;

[Collection(ClusterCollection.Name)]
public sealed class InterestTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    private IDiscoverySignalsGrain Signals => Grains.GetGrain<IDiscoverySignalsGrain>(0);

    private async Task<(string StreamId, Actor Creator)> LiveAsync(string category, string title = "A stream")
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var stream = Grains.GetGrain<IStreamGrain>(TestIds.Stream());
        await stream.CreateAsync(new CreateStream(creator, title, category)).WithTimeout();
        await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
        return (stream.GetPrimaryKeyString(), creator);
    }

    /// <summary>Ranks until <paramref name="done"/> holds; the silos' copies of the live index refresh as the fake clock moves.</summary>
    private async Task<RecommendationList> RankUntilAsync(IInterestGrain viewer, Func<RecommendationList, bool> done, string what)
    {
        RecommendationList list = null!;
        await Timeouts.Eventually(
            async () =>
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(3));
                list = await viewer.RecommendAsync(RecommendationLimits.Max).WithTimeout();
                return done(list);
            },
            what);
        return list;
    }

    [Fact]
    public async Task WatchingChattingAndGiftingTeachTheViewersInterests()
    {
        var category = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var (streamId, creator) = await LiveAsync(category);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var at = fixture.Clock.GetUtcNow();

        await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Join, streamId, at));
        await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Watch, streamId, at, 30));
        await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Chat, streamId, at));
        await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Gift, streamId, at, 50));

        var interest = Grains.GetGrain<IInterestGrain>(viewer.UserId);
        await Timeouts.Eventually(async () => (await interest.GetSummaryAsync()).Signals == 4, "the four signals arrive");
        var summary = await interest.GetSummaryAsync();
        Assert.Equal([creator.UserId], summary.TopCreators);
        Assert.Equal([category], summary.TopCategories);
    }

    [Fact]
    public async Task ProgressionHandsItsActivitiesToDiscovery()
    {
        var (streamId, creator) = await LiveAsync("music");
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<LiveStreamX.Progression.IProgressionGrain>(viewer.UserId)
            .RecordAsync(new LiveStreamX.Progression.XpActivity(LiveStreamX.Progression.XpSource.Watch, streamId)).WithTimeout();

        var interest = Grains.GetGrain<IInterestGrain>(viewer.UserId);
        await Timeouts.Eventually(async () => (await interest.GetSummaryAsync()).TopCreators.Contains(creator.UserId), "the heartbeat reached the interests");
    }

    [Fact]
    public async Task AViewerWhoAlwaysReturnsToOneCreatorGetsItFirstWhenLiveAndNeverWhenOffline()
    {
        var (favourite, _) = await LiveAsync("cooking");
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        for (var day = 0; day < 5; day++)
        {
            await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Join, favourite, fixture.Clock.GetUtcNow()));
            await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Watch, favourite, fixture.Clock.GetUtcNow(), 30));
        }

        var interest = Grains.GetGrain<IInterestGrain>(viewer.UserId);
        await Timeouts.Eventually(async () => (await interest.GetSummaryAsync()).Signals == 10, "the signals arrive");
        var list = await RankUntilAsync(interest, l => l.Items.Count > 0 && l.Items[0].Stream.StreamId == favourite, "the favourite comes first");
        Assert.False(list.ColdStart);
        Assert.Contains(list.Items[0].Reasons, r => r.Kind is RecommendationReasonKind.WatchedBefore);

        var stream = Grains.GetGrain<IStreamGrain>(favourite);
        var creator = (await stream.GetAsync())!;
        await stream.MoveToAsync(new Actor(creator.CreatorId, creator.CreatorHandle, Role.Creator), StreamStatus.Ended).WithTimeout();
        await RankUntilAsync(interest, l => l.Items.All(i => i.Stream.StreamId != favourite), "the ended favourite is never recommended");
    }

    [Fact]
    public async Task ViewersOfOneCreatorAreOfferedWhatItsOtherViewersWatch()
    {
        var (first, firstCreator) = await LiveAsync("cat-" + Guid.NewGuid().ToString("N")[..8], "Alpha");
        var (second, _) = await LiveAsync("cat-" + Guid.NewGuid().ToString("N")[..8], "Beta");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var other = await Actors.RegisterAsync(Grains, Role.Viewer);
            await Signals.RecordAsync(new ViewerSignal(other.UserId, SignalKind.Join, first, fixture.Clock.GetUtcNow()));
            await Signals.RecordAsync(new ViewerSignal(other.UserId, SignalKind.Join, second, fixture.Clock.GetUtcNow()));
        }

        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Signals.RecordAsync(new ViewerSignal(viewer.UserId, SignalKind.Join, first, fixture.Clock.GetUtcNow()));
        var interest = Grains.GetGrain<IInterestGrain>(viewer.UserId);
        await Timeouts.Eventually(async () => (await interest.GetSummaryAsync()).TopCreators.Contains(firstCreator.UserId), "the watch arrives");

        // The co-watch copy is read again every 30 s of the (fake) clock.
        RecommendationList list = null!;
        await Timeouts.Eventually(
            async () =>
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(31));
                list = await interest.RecommendAsync(RecommendationLimits.Max).WithTimeout();
                return list.Items.Any(i => i.Stream.StreamId == second && i.Reasons.Any(r => r.Kind == RecommendationReasonKind.CoWatched));
            },
            "the co-watched creator is recommended because of the first");
    }

    [Fact]
    public async Task AnUnknownViewerGetsColdStartTrendingAndAStreamItsLookalikes()
    {
        var category = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var (first, _) = await LiveAsync(category, "Chess openings");
        var (second, _) = await LiveAsync(category, "Chess endgames");
        var stranger = Grains.GetGrain<IInterestGrain>("u_" + Guid.NewGuid().ToString("N"));
        var list = await RankUntilAsync(stranger, l => l.Items.Any(i => i.Stream.StreamId == first), "the live stream is in the cold start");
        Assert.True(list.ColdStart);

        var similar = await Grains.GetGrain<IRecommenderGrain>(0).SimilarAsync(first, 20).WithTimeout();
        Assert.Contains(similar.Items, i => i.Stream.StreamId == second);
        Assert.DoesNotContain(similar.Items, i => i.Stream.StreamId == first);
        await Assert.ThrowsAsync<LiveStreamX.Common.DomainException>(() => Grains.GetGrain<IRecommenderGrain>(0).SimilarAsync(TestIds.Stream(), 20).WithTimeout());
    }
}
