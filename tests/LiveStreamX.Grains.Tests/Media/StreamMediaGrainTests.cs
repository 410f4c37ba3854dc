using LiveStreamX.Common;
using LiveStreamX.Media;
using LiveStreamX.Streams;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Media;

/// <summary>LiveKit's webhook events, as an Api node hands them over, moving a stream along its lifecycle.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamMediaGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task TheCreatorPublishingTakesAScheduledStreamLiveOnceHoweverOftenTheEventArrives()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        var media = MediaOf(stream);
        var published = Event(MediaEventKind.TrackPublished, stream, MediaIdentity.Creator(creator.UserId));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => media.ApplyAsync(published))).WithTimeout();

        Assert.Equal(1, outcomes.Count(o => o == MediaEventOutcome.Applied));
        Assert.Equal(3, outcomes.Count(o => o == MediaEventOutcome.Duplicate));
        Assert.Equal(StreamStatus.Live, (await stream.GetAsync())!.Status);
        var state = await media.GetAsync();
        Assert.True(state.CreatorPresent);
        Assert.Equal(1, state.EventsApplied);
    }

    [Fact]
    public async Task AViewerPublishingChangesNothing()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);

        var outcome = await MediaOf(stream).ApplyAsync(Event(MediaEventKind.TrackPublished, stream, MediaIdentity.Viewer(creator.UserId))).WithTimeout();

        Assert.Equal(MediaEventOutcome.Ignored, outcome);
        Assert.Equal(StreamStatus.Scheduled, (await stream.GetAsync())!.Status);
        Assert.Equal(0, (await MediaOf(stream).GetAsync()).EventsApplied);
    }

    [Fact]
    public async Task TheRoomFinishingEndsTheStreamAndItsRecordingArchivesIt()
    {
        var (stream, _) = await Actors.StreamAsync(Grains, live: true);
        var media = MediaOf(stream);

        Assert.Equal(MediaEventOutcome.Applied, await media.ApplyAsync(Event(MediaEventKind.RoomFinished, stream, null)).WithTimeout());
        Assert.Equal(StreamStatus.Ended, (await stream.GetAsync())!.Status);
        Assert.Null(await media.GetRecordingAsync());

        var recording = new MediaRecording("EG_1", "s3://recordings/room.mp4", "room.mp4", 61_000, 12_345_678, DateTimeOffset.UtcNow);
        var ended = Event(MediaEventKind.EgressEnded, stream, null) with { Recording = recording };
        Assert.Equal(MediaEventOutcome.Applied, await media.ApplyAsync(ended).WithTimeout());

        Assert.Equal(recording, await media.GetRecordingAsync());
        Assert.Equal(StreamStatus.Archived, (await stream.GetAsync())!.Status);
    }

    [Fact]
    public async Task AnEventOfAStreamThatDoesNotExistIsRefusedAndStoresNothing()
    {
        var media = Grains.GetGrain<IStreamMediaGrain>(TestIds.Stream());

        var error = await Assert.ThrowsAsync<DomainException>(() => media.ApplyAsync(Event(MediaEventKind.RoomFinished, media.GetPrimaryKeyString(), null)).WithTimeout());

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Equal(0, (await media.GetAsync()).EventsApplied);
    }

    [Fact]
    public async Task TheCreatorAwayPastTheGracePeriodEndsTheStreamAndComingBackInTimeDoesNot()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: true);
        var media = MediaOf(stream);
        var identity = MediaIdentity.Creator(creator.UserId);

        await media.ApplyAsync(Event(MediaEventKind.ParticipantLeft, stream, identity)).WithTimeout();
        Assert.NotNull((await media.GetAsync()).GraceEndsAt);
        await media.ApplyAsync(Event(MediaEventKind.ParticipantJoined, stream, identity)).WithTimeout();
        Assert.Null((await media.GetAsync()).GraceEndsAt);

        await media.ApplyAsync(Event(MediaEventKind.ParticipantLeft, stream, identity)).WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        await Timeouts.Eventually(async () => (await stream.GetAsync())!.Status == StreamStatus.Ended, "the stream ended after the grace period");
        await Timeouts.Eventually(async () => (await media.GetAsync()).GraceEndsAt is null, "the grace period was cleared");
    }

    private IStreamMediaGrain MediaOf(IStreamGrain stream) => Grains.GetGrain<IStreamMediaGrain>(stream.GetPrimaryKeyString());

    private static MediaEvent Event(MediaEventKind kind, IStreamGrain stream, string? identity) => Event(kind, stream.GetPrimaryKeyString(), identity);

    private static MediaEvent Event(MediaEventKind kind, string room, string? identity) =>
        new("EV_" + Guid.NewGuid().ToString("N"), kind, room, identity, DateTimeOffset.UtcNow, null);
}
