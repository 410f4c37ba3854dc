using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Engagement;

[Collection(ClusterCollection.Name)]
public sealed class PollTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ViewersVoteOnceAndTheCreatorsCloseAnnouncesTheWinner()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var events = await SubscribeAsync(stream);
        var polls = Grains.GetGrain<IPollGrain>(stream.GetPrimaryKeyString());
        var poll = await polls.CreateAsync(creator, new CreatePoll(" Next game? ", ["Chess", "Go", "Poker"], 60)).WithTimeout();
        Assert.Equal("Next game?", poll.Question);

        var voters = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Actors.RegisterAsync(Grains, Role.Viewer)));
        int[] choices = [1, 1, 2, 0, 1];
        for (var i = 0; i < voters.Length; i++)
        {
            await polls.VoteAsync(voters[i], poll.PollId, choices[i]).WithTimeout();
        }

        var again = await Assert.ThrowsAsync<DomainException>(() => polls.VoteAsync(voters[0], poll.PollId, 2).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, again.Code);
        var badOption = await Assert.ThrowsAsync<DomainException>(() => polls.VoteAsync(creator, poll.PollId, 3).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, badOption.Code);

        var update = Assert.IsType<PollUpdated>(await events.WaitAsync(e => e is PollUpdated { Poll.TotalVotes: 5 }));
        Assert.Equal([1, 3, 1], update.Poll.Tallies);

        var closed = await polls.CloseAsync(creator, poll.PollId).WithTimeout();
        Assert.True(closed.Closed);
        Assert.Equal([1], closed.Winners);
        var final = Assert.IsType<PollClosed>(await events.WaitAsync(e => e is PollClosed));
        Assert.Equal([1, 3, 1], final.Poll.Tallies);
        Assert.IsType<PollCreated>(events.All.First(e => e is PollEvent));

        var late = await Assert.ThrowsAsync<DomainException>(() => polls.VoteAsync(creator, poll.PollId, 0).WithTimeout());
        Assert.Equal(ErrorCodes.NotFound, late.Code);
        Assert.Equal(poll.PollId, (await stream.JoinAsync(new ViewerJoin("n", 0, null))).Poll!.PollId);
    }

    [Fact]
    public async Task OnlyOnePollIsOpenAtATimeAndOnlyTheCreatorOpensIt()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var polls = Grains.GetGrain<IPollGrain>(stream.GetPrimaryKeyString());
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        var forbidden = await Assert.ThrowsAsync<DomainException>(() => polls.CreateAsync(viewer, new CreatePoll("Q", ["a", "b"], 30)).WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);

        await polls.CreateAsync(creator, new CreatePoll("Q", ["a", "b"], 30)).WithTimeout();
        var second = await Assert.ThrowsAsync<DomainException>(() => polls.CreateAsync(creator, new CreatePoll("Q2", ["a", "b"], 30)).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, second.Code);
    }

    [Theory]
    [InlineData("", new[] { "a", "b" }, 30, "question")]
    [InlineData("Q", new[] { "only" }, 30, "options")]
    [InlineData("Q", new[] { "a", "b", "c", "d", "e", "f", "g" }, 30, "options")]
    [InlineData("Q", new[] { "a", " " }, 30, "options")]
    [InlineData("Q", new[] { "a", "b" }, 9, "durationSeconds")]
    [InlineData("Q", new[] { "a", "b" }, 1801, "durationSeconds")]
    public async Task ABadPollIsRejectedWithItsField(string question, string[] options, int duration, string field)
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IPollGrain>(stream.GetPrimaryKeyString()).CreateAsync(creator, new CreatePoll(question, options, duration)).WithTimeout());
        Assert.Contains(field, error.Errors!.Keys);
    }

    [Fact]
    public async Task APollPastItsDeadlineClosesWhenItsGrainWakesUp()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var polls = Grains.GetGrain<IPollGrain>(stream.GetPrimaryKeyString());
        var poll = await polls.CreateAsync(creator, new CreatePoll("Quick?", ["yes", "no"], 10)).WithTimeout();
        await polls.VoteAsync(creator, poll.PollId, 0);

        fixture.Clock.Advance(TimeSpan.FromSeconds(11));
        await fixture.Cluster.DeactivateAsync(polls).WithTimeout();

        var after = await polls.GetAsync().WithTimeout();
        Assert.True(after!.Closed);
        Assert.Equal([0], after.Winners);
        Assert.Equal(1, after.TotalVotes);
    }

    [Fact]
    public async Task PollsNeedALiveStream()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IPollGrain>(stream.GetPrimaryKeyString()).CreateAsync(creator, new CreatePoll("Q", ["a", "b"], 30)).WithTimeout());
        Assert.Equal(ErrorCodes.NotLive, error.Code);
    }

    private Task<EventProbe> SubscribeAsync(IStreamGrain stream) => EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
}
