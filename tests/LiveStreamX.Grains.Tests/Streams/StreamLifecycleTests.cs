using LiveStreamX.Common;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Streams;

[Collection(ClusterCollection.Name)]
public sealed class StreamLifecycleTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AStreamGoesFromScheduledToLiveToEndedToArchived()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        Assert.Equal(StreamStatus.Scheduled, (await stream.GetAsync())!.Status);

        var live = await stream.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
        Assert.Equal(StreamStatus.Live, live.Status);
        Assert.NotNull(live.StartedAt);

        var ended = await stream.MoveToAsync(creator, StreamStatus.Ended).WithTimeout();
        Assert.Equal(StreamStatus.Ended, ended.Status);
        Assert.NotNull(ended.EndedAt);

        var archived = await stream.MoveToAsync(creator, StreamStatus.Archived).WithTimeout();
        Assert.Equal(StreamStatus.Archived, archived.Status);
        Assert.NotNull(archived.ArchivedAt);
    }

    [Theory]
    [InlineData(StreamStatus.Scheduled, StreamStatus.Scheduled)]
    [InlineData(StreamStatus.Scheduled, StreamStatus.Ended)]
    [InlineData(StreamStatus.Scheduled, StreamStatus.Archived)]
    [InlineData(StreamStatus.Live, StreamStatus.Live)]
    [InlineData(StreamStatus.Live, StreamStatus.Scheduled)]
    [InlineData(StreamStatus.Live, StreamStatus.Archived)]
    [InlineData(StreamStatus.Ended, StreamStatus.Live)]
    [InlineData(StreamStatus.Ended, StreamStatus.Scheduled)]
    [InlineData(StreamStatus.Archived, StreamStatus.Live)]
    [InlineData(StreamStatus.Archived, StreamStatus.Ended)]
    public async Task AnIllegalTransitionIsRejectedAndChangesNothing(StreamStatus from, StreamStatus to)
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        foreach (var step in new[] { StreamStatus.Live, StreamStatus.Ended, StreamStatus.Archived }.TakeWhile(s => s <= from))
        {
            await stream.MoveToAsync(creator, step).WithTimeout();
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => stream.MoveToAsync(creator, to).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidTransition, error.Code);
        Assert.Equal(from, (await stream.GetAsync())!.Status);
    }

    [Fact]
    public async Task OnlyTheCreatorOrAnAdminMayChangeAStream()
    {
        var (stream, _) = await Actors.StreamAsync(Grains, live: false);
        var otherCreator = await Actors.RegisterAsync(Grains, Role.Creator);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        foreach (var stranger in new[] { otherCreator, viewer })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => stream.MoveToAsync(stranger, StreamStatus.Live).WithTimeout());
            Assert.Equal(ErrorCodes.Forbidden, error.Code);
        }

        Assert.Equal(StreamStatus.Scheduled, (await stream.GetAsync())!.Status);
        var moved = await stream.MoveToAsync(Actors.Admin(), StreamStatus.Live).WithTimeout();
        Assert.Equal(StreamStatus.Live, moved.Status);
    }

    [Fact]
    public async Task ViewersCannotCreateStreams()
    {
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IStreamGrain>(TestIds.Stream()).CreateAsync(new CreateStream(viewer, "Mine", "talk")).WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, error.Code);
    }

    [Theory]
    [InlineData("", "talk", "title")]
    [InlineData("   ", "talk", "title")]
    [InlineData("ok", "", "category")]
    [InlineData("ok", "<script>", "category")]
    public async Task ABadTitleOrCategoryIsRejectedWithItsField(string title, string category, string field)
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var stream = Grains.GetGrain<IStreamGrain>(TestIds.Stream());
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.CreateAsync(new CreateStream(creator, title, category)).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Null(await stream.GetAsync());
    }

    [Fact]
    public async Task ATitleLongerThan120CharactersIsRejected()
    {
        var creator = await Actors.RegisterAsync(Grains, Role.Creator);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IStreamGrain>(TestIds.Stream()).CreateAsync(new CreateStream(creator, new string('a', 121), "talk")).WithTimeout());
        Assert.Equal("title", error.Field);
    }

    [Fact]
    public async Task AStreamCannotBeCreatedTwice()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.CreateAsync(new CreateStream(creator, "Again", "talk")).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, error.Code);
    }

    [Fact]
    public async Task AnUnknownStreamIsNotFound()
    {
        var stream = Grains.GetGrain<IStreamGrain>(TestIds.Stream());
        Assert.Null(await stream.GetAsync().WithTimeout());
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.MoveToAsync(Actors.Admin(), StreamStatus.Live).WithTimeout());
        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task TheDirectoryListsStreamsByStatus()
    {
        var (live, _) = await Actors.StreamAsync(Grains, live: true);
        var (scheduled, _) = await Actors.StreamAsync(Grains, live: false);
        var directory = Grains.GetGrain<IStreamDirectoryGrain>(0);

        var liveIds = (await directory.ListAsync(StreamStatus.Live).WithTimeout()).Select(s => s.Id).ToList();
        Assert.Contains(live.GetPrimaryKeyString(), liveIds);
        Assert.DoesNotContain(scheduled.GetPrimaryKeyString(), liveIds);

        var all = (await directory.ListAsync(null).WithTimeout()).Select(s => s.Id).ToList();
        Assert.Contains(scheduled.GetPrimaryKeyString(), all);
    }
}
