using LiveStreamX.Discovery;
using LiveStreamX.Discovery.Ranking;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Discovery;

[Collection(ClusterCollection.Name)]
public sealed class LiveIndexTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    private async Task<LiveCandidate?> IndexedAsync(string streamId) =>
        (await Grains.GetGrain<ILiveIndexGrain>(LiveIndexShards.Of(streamId)).ListAsync()).SingleOrDefault(e => e.StreamId == streamId);

    [Fact]
    public async Task AStreamJoinsTheIndexWhenItGoesLiveAndLeavesItWhenItEnds()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var stream = Grains.GetGrain<IStreamGrain>(TestIds.Stream());
        var id = stream.GetPrimaryKeyString();
        await stream.CreateAsync(new CreateStream(creator, "Speedrun night", "gaming") { Tags = ["Speedrun", "retro"] }).WithTimeout();
        Assert.Null(await IndexedAsync(id));

        await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
        await Timeouts.Eventually(async () => await IndexedAsync(id) is not null, "the go-live is indexed");
        var entry = (await IndexedAsync(id))!;
        Assert.Equal(("gaming", creator.UserId, "Speedrun night"), (entry.Category, entry.CreatorId, entry.Title));
        Assert.Equal(["speedrun", "retro"], entry.Tags);

        await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();
        await Timeouts.Eventually(async () => await IndexedAsync(id) is null, "the end leaves the index");
    }

    [Fact]
    public async Task ViewerCountsReachTheIndexWithTheirVelocity()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var id = stream.GetPrimaryKeyString();
        await Timeouts.Eventually(async () => await IndexedAsync(id) is not null, "the go-live is indexed");
        await stream.ReportViewersAsync("node-a", 10, null).WithTimeout();
        await Timeouts.Eventually(async () => (await IndexedAsync(id))?.Viewers == 10, "the count is indexed");
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await stream.ReportViewersAsync("node-a", 40, null).WithTimeout();
        await Timeouts.Eventually(async () => (await IndexedAsync(id))?.Viewers == 40, "the new count is indexed");
        Assert.True((await IndexedAsync(id))!.ViewerVelocity > 0, "a growing audience has a positive velocity");
    }

    [Fact]
    public async Task BadTagsAreRefusedWithACode()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var error = await Assert.ThrowsAsync<LiveStreamX.Common.DomainException>(() => Grains.GetGrain<IStreamGrain>(TestIds.Stream())
            .CreateAsync(new CreateStream(creator, "Tags", "music") { Tags = ["ok", "not ok!"] }).WithTimeout());
        Assert.Equal(("invalid_input", "tags"), (error.Code, error.Field));
    }
}
