using LiveStreamX.Common;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Moderation;

/// <summary>Flood control for a whole stream beside each user's bucket, and limits that survive a move.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChatLimitsTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ABurstFromManyUsersIsCappedForTheWholeStream()
    {
        // The default burst is 200 lines at once (then 100 a second); the clock stands still, so nothing refills.
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewers = await Task.WhenAll(Enumerable.Range(0, 230).Select(_ => Actors.RegisterAsync(Grains, Role.Viewer)));

        var results = await Task.WhenAll(viewers.Select(async v =>
        {
            try
            {
                await Grains.GetGrain<IUserGrain>(v.UserId).SendChatAsync(stream.GetPrimaryKeyString(), "first!").WithTimeout();
                return null;
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }));

        Assert.Equal(200, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), code => Assert.Equal(ErrorCodes.RateLimited, code));

        // The creator is never held back, and a second later the stream takes 100 more.
        await Grains.GetGrain<IUserGrain>(creator.UserId).SendChatAsync(stream.GetPrimaryKeyString(), "welcome all").WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = viewers[^1];
        await Grains.GetGrain<IUserGrain>(late.UserId).SendChatAsync(stream.GetPrimaryKeyString(), "made it").WithTimeout();
    }

    [Fact]
    public async Task AUsersBucketSurvivesTheUserGrainMoving()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var user = Grains.GetGrain<IUserGrain>(viewer.UserId);
        for (var i = 0; i < 5; i++)
        {
            await user.SendChatAsync(stream.GetPrimaryKeyString(), $"line {i}").WithTimeout();
        }

        await fixture.Cluster.DeactivateAsync(user).WithTimeout();

        var error = await Assert.ThrowsAsync<DomainException>(() => user.SendChatAsync(stream.GetPrimaryKeyString(), "one more").WithTimeout());
        Assert.Equal(ErrorCodes.RateLimited, error.Code);
    }

    [Fact]
    public async Task SlowModeSurvivesTheStreamMoving()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await stream.SetSlowModeAsync(creator, 30).WithTimeout();
        await Grains.GetGrain<IUserGrain>(viewer.UserId).SendChatAsync(stream.GetPrimaryKeyString(), "first").WithTimeout();

        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IUserGrain>(viewer.UserId).SendChatAsync(stream.GetPrimaryKeyString(), "second").WithTimeout());
        Assert.Equal(ErrorCodes.RateLimited, error.Code);
        Assert.Contains("Slow mode", error.Message);
    }
}
