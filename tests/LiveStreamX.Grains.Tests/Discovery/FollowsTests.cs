using LiveStreamX.Discovery;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Discovery;

[Collection(ClusterCollection.Name)]
public sealed class FollowsTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task FollowingTwiceCountsOnceAndUnfollowingTwiceLeavesNone()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var follows = Grains.GetGrain<IFollowsGrain>(viewer.UserId);

        Assert.Equal(new FollowChange(creator.UserId, true, 1), await follows.FollowAsync(creator.UserId, creator.Handle).WithTimeout());
        Assert.Equal(new FollowChange(creator.UserId, true, 1), await follows.FollowAsync(creator.UserId, creator.Handle).WithTimeout());
        Assert.True(await follows.IsFollowingAsync(creator.UserId));
        Assert.Equal(creator.Handle, Assert.Single(await follows.ListAsync()).CreatorHandle);

        Assert.Equal(new FollowChange(creator.UserId, false, 0), await follows.UnfollowAsync(creator.UserId).WithTimeout());
        Assert.Equal(new FollowChange(creator.UserId, false, 0), await follows.UnfollowAsync(creator.UserId).WithTimeout());
        Assert.Empty(await follows.ListAsync());
        Assert.Equal(0, (await Grains.GetGrain<IFollowersGrain>(creator.UserId).GetAsync()).Followers);
    }

    [Fact]
    public async Task ACreatorCountsFollowersAcrossItsShards()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var viewers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Actors.RegisterAsync(Grains, Role.Viewer)));
        foreach (var viewer in viewers)
        {
            await Grains.GetGrain<IFollowsGrain>(viewer.UserId).FollowAsync(creator.UserId, creator.Handle).WithTimeout();
        }

        Assert.Equal(20, (await Grains.GetGrain<IFollowersGrain>(creator.UserId).GetAsync()).Followers);
        Assert.True(viewers.Select(v => FollowerShards.Of(v.UserId)).Distinct().Count() > 1, "twenty ids spread over several shards");
    }

    [Fact]
    public async Task NobodyFollowsThemselves()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var error = await Assert.ThrowsAsync<LiveStreamX.Common.DomainException>(
            () => Grains.GetGrain<IFollowsGrain>(creator.UserId).FollowAsync(creator.UserId, creator.Handle).WithTimeout());
        Assert.Equal("invalid_input", error.Code);
    }

    [Fact]
    public async Task AGoLiveReachesEveryFollowersConnectionsAndNobodyElse()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var follower = await Actors.RegisterAsync(Grains, Role.Viewer);
        var other = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<IFollowsGrain>(follower.UserId).FollowAsync(creator.UserId, creator.Handle).WithTimeout();
        var followerProbe = await UserEventProbe.SubscribeAsync(fixture.Client, follower.UserId);
        var otherProbe = await UserEventProbe.SubscribeAsync(fixture.Client, other.UserId);

        var stream = Grains.GetGrain<IStreamGrain>(TestIds.Stream());
        await stream.CreateAsync(new CreateStream(creator, "Going live", "music")).WithTimeout();
        await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();

        await Timeouts.Eventually(() => Task.FromResult(followerProbe.Events.OfType<StreamLiveNotice>().Any()), "the follower hears of the go-live");
        var notice = followerProbe.Events.OfType<StreamLiveNotice>().Single();
        Assert.Equal((stream.GetPrimaryKeyString(), creator.UserId, "Going live", "music", follower.UserId), (notice.StreamId, notice.CreatorId, notice.Title, notice.Category, notice.UserId));
        Assert.Equal("stream:live", notice.Type);
        Assert.Contains(
            (await Grains.GetGrain<IFollowersGrain>(creator.UserId).GetAsync()).Live,
            l => l.StreamId == stream.GetPrimaryKeyString());
        Assert.Empty(otherProbe.Events);
    }

    [Fact]
    public async Task AStreamThatEndsLeavesTheCreatorsLiveList()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var followers = Grains.GetGrain<IFollowersGrain>(creator.UserId);
        await Timeouts.Eventually(async () => (await followers.GetAsync()).Live.Count == 1, "the go-live is known");
        await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();
        await Timeouts.Eventually(async () => (await followers.GetAsync()).Live.Count == 0, "the end is known");
    }
}
