using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Grains.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Engagement;

[Collection(ClusterCollection.Name)]
public sealed class MomentTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public void ASpikeWellAboveTheBaselineIsDetectedAndNoiseIsNot()
    {
        var detector = new SpikeDetector();
        var random = new Random(7);
        for (var s = 0; s < 60; s++)
        {
            detector.Add(s, 10 + random.Next(-3, 4));
        }

        Assert.All(Enumerable.Range(11, 49), s => Assert.Null(detector.Check(s)));
        detector.Add(60, 60);
        Assert.True(detector.Check(60) > 3);

        var quiet = new SpikeDetector();
        quiet.Add(0, 0);
        quiet.Add(30, 3);
        Assert.Null(quiet.Check(30));
    }

    [Fact]
    public async Task AReactionSpikeRecordsAMomentWithASharePath()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        for (var s = 0; s < 20; s++)
        {
            await stream.RecordReactionsAsync(4).WithTimeout();
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await stream.RecordReactionsAsync(200).WithTimeout();
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await stream.RecordReactionsAsync(1).WithTimeout();

        Moment? moment = null;
        await Timeouts.Eventually(async () => (moment = (await stream.GetMomentsAsync()).FirstOrDefault(m => m.Kind == MomentKind.Reactions)) is not null, "a reaction moment");
        Assert.True(moment!.Intensity > 3);
        Assert.Equal($"/m/{stream.GetPrimaryKeyString()}.1", moment.SharePath);
        Assert.Equal(stream.GetPrimaryKeyString(), Moment.StreamOf(moment.MomentId));
    }

    [Fact]
    public async Task ViewersMarkMomentsByHandNoMoreThanEvery30Seconds()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var marked = await stream.MarkMomentAsync(viewer, "  what a save \u0007 ").WithTimeout();
        Assert.Equal(MomentKind.Manual, marked.Kind);
        Assert.Equal("what a save", marked.Note);
        Assert.Equal(ErrorCodes.RateLimited, (await Assert.ThrowsAsync<DomainException>(() => stream.MarkMomentAsync(viewer, null).WithTimeout())).Code);
        Assert.Equal(ErrorCodes.InvalidInput, (await Assert.ThrowsAsync<DomainException>(() => stream.MarkMomentAsync(Actors.Admin(), new string('n', 121)).WithTimeout())).Code);
    }
}
