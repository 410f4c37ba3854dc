using LiveStreamX.Progression;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Chat;

/// <summary>A chat line carries the author's level and badges, which the user grain keeps as progression tells it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChatFlairTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AChatLineCarriesTheLevelAndBadgeReachedSinceTheLastLine()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var user = Grains.GetGrain<IUserGrain>(viewer.UserId);
        var before = await user.SendChatAsync(stream.GetPrimaryKeyString(), "hi").WithTimeout();
        Assert.Equal(1, before.Level);

        // A gift's XP levels the user up and earns a badge: progression tells the user grain, one-way.
        var change = await Grains.GetGrain<IProgressionGrain>(viewer.UserId)
            .RecordAsync(new XpActivity(XpSource.Gift, stream.GetPrimaryKeyString(), 150)).WithTimeout();
        Assert.NotNull(change.LevelReached);

        await Timeouts.Eventually(
            async () => (await user.SendChatAsync(stream.GetPrimaryKeyString(), "again").WithTimeout()) is { } line
                && line.Level == change.LevelReached && line.Badges.SequenceEqual(change.Progress.Badges.TakeLast(3)),
            "the next line carries the new level and badge");
    }
}
