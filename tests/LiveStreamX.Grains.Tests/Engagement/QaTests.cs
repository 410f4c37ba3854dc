using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Engagement;

[Collection(ClusterCollection.Name)]
public sealed class QaTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task QuestionsAreOrderedByUpvotesAndEachUserUpvotesOnce()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var qa = Grains.GetGrain<IQaGrain>(stream.GetPrimaryKeyString());
        var asker1 = await Actors.RegisterAsync(Grains, Role.Viewer);
        var asker2 = await Actors.RegisterAsync(Grains, Role.Viewer);
        var first = await qa.AskAsync(asker1, " What camera? ").WithTimeout();
        var second = await qa.AskAsync(asker2, "Favourite game?").WithTimeout();
        Assert.Equal("What camera?", first.Text);

        await qa.UpvoteAsync(asker1, second.QuestionId);
        await qa.UpvoteAsync(creator, second.QuestionId);
        var twice = await Assert.ThrowsAsync<DomainException>(() => qa.UpvoteAsync(asker1, second.QuestionId).WithTimeout());
        Assert.Equal(ErrorCodes.Conflict, twice.Code);

        var list = await qa.ListAsync();
        Assert.Equal([second.QuestionId, first.QuestionId], list.Select(q => q.QuestionId));
        Assert.Equal(2, list[0].Upvotes);

        await qa.MarkAsync(creator, second.QuestionId, QuestionStatus.Answered);
        await qa.MarkAsync(creator, first.QuestionId, QuestionStatus.Dismissed);
        Assert.Equal([QuestionStatus.Answered], (await qa.ListAsync()).Select(q => q.Status));
        var forbidden = await Assert.ThrowsAsync<DomainException>(() => qa.MarkAsync(asker1, first.QuestionId, QuestionStatus.Answered).WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);
    }

    [Fact]
    public async Task AskingIsLimitedAndValidated()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var qa = Grains.GetGrain<IQaGrain>(stream.GetPrimaryKeyString());
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        Assert.Equal(ErrorCodes.InvalidInput, (await Assert.ThrowsAsync<DomainException>(() => qa.AskAsync(viewer, "  ").WithTimeout())).Code);
        Assert.Equal(ErrorCodes.InvalidInput, (await Assert.ThrowsAsync<DomainException>(() => qa.AskAsync(viewer, new string('q', 301)).WithTimeout())).Code);

        await qa.AskAsync(viewer, "One").WithTimeout();
        Assert.Equal(ErrorCodes.RateLimited, (await Assert.ThrowsAsync<DomainException>(() => qa.AskAsync(viewer, "Two").WithTimeout())).Code);
        fixture.Clock.Advance(TimeSpan.FromSeconds(11));
        await qa.AskAsync(viewer, "Two").WithTimeout();
    }
}
