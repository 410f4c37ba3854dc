using LiveStreamX.Grains.Mood;
using LiveStreamX.Mood;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Mood;

[Collection(ClusterCollection.Name)]
public sealed class MoodTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task BatchesAddUpExactlyAndTheDominantMoodIsAnnounced()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var events = await SubscribeAsync(stream);
        var mood = Grains.GetGrain<IMoodGrain>(stream.GetPrimaryKeyString());

        await mood.AddAsync(new MoodBatch([30, 2, 0, 1, 0, 0])).WithTimeout();
        await mood.AddAsync(new MoodBatch([10, 0, 5, 0, 0, 0])).WithTimeout();

        var snapshot = await mood.GetAsync();
        Assert.Equal(40, snapshot.Totals["hype"]);
        Assert.Equal(5, snapshot.Totals["laugh"]);
        Assert.Equal(MoodKind.Hype, snapshot.Dominant);

        var state = Assert.IsType<MoodStateChanged>(await events.WaitAsync(e => e is MoodStateChanged));
        Assert.Equal(MoodKind.Hype, state.Dominant);
        Assert.InRange(state.Intensity, 0.01, 1);
    }

    [Fact]
    public async Task ANewMoodIsAnnouncedNoSoonerThanTheIntervalAllows()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var events = await SubscribeAsync(stream);
        var mood = Grains.GetGrain<IMoodGrain>(stream.GetPrimaryKeyString());
        await mood.AddAsync(new MoodBatch([50, 0, 0, 0, 0, 0])).WithTimeout();
        await events.WaitAsync(e => e is MoodStateChanged { Dominant: MoodKind.Hype });

        // The clock stands still: however long the grain's timer runs, the interval has not passed.
        await mood.AddAsync(new MoodBatch([0, 500, 0, 0, 0, 0])).WithTimeout();
        Assert.Equal(MoodKind.Love, (await mood.GetAsync()).Dominant);
        await mood.GetAsync();
        Assert.DoesNotContain(events.All, e => e is MoodStateChanged { Dominant: MoodKind.Love });

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(300));
        await events.WaitAsync(e => e is MoodStateChanged { Dominant: MoodKind.Love });
    }

    [Fact]
    public async Task OnlyTheCreatorTurnsTheMoodThemeOff()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var mood = Grains.GetGrain<IMoodGrain>(stream.GetPrimaryKeyString());
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Assert.ThrowsAsync<LiveStreamX.Common.DomainException>(() => mood.SetThemeAsync(viewer, false).WithTimeout());
        Assert.False((await mood.SetThemeAsync(creator, false).WithTimeout()).ThemeEnabled);
    }

    [Fact]
    public void ASteadyRateConvergesToItselfAndDecaysWithTheHalfLife()
    {
        var velocity = new MoodVelocity(halfLifeSeconds: 5, intensityScale: 20);
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 600; i++)
        {
            velocity.Add([10, 0, 0, 0, 0, 0], t);
            t = t.AddSeconds(0.1);
        }

        // 10 per 0.1 s is 100 a second.
        Assert.InRange(velocity.Rates(t)[0], 95, 105);
        var later = velocity.Rates(t.AddSeconds(5))[0];
        Assert.InRange(later, 47, 53);
        Assert.InRange(velocity.Intensity([20, 0, 0, 0, 0, 0]), 0.63, 0.64);
        Assert.Null(MoodVelocity.Dominant([0, 0, 0, 0, 0, 0]));
    }

    private Task<EventProbe> SubscribeAsync(IStreamGrain stream) => EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
}
