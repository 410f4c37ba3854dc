using LiveStreamX.Chat;
using LiveStreamX.Common;
using LiveStreamX.Moderation;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Moderation;

[Collection(ClusterCollection.Name)]
public sealed class ModerationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ABannedViewerCannotChatInAnyOfTheCreatorsStreamsUntilUnbanned()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var second = await SecondStreamAsync(creator);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var rules = Rules(creator);

        await rules.BanAsync(creator, viewer.UserId, "spam").WithTimeout();

        foreach (var id in new[] { stream.GetPrimaryKeyString(), second })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Chat(viewer, id, "hello"));
            Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        }

        await rules.UnbanAsync(creator, viewer.UserId).WithTimeout();
        await Chat(viewer, second, "back");
    }

    [Fact]
    public async Task ABanHoldsOnlyInTheCreatorsStreams()
    {
        var (_, creator) = await Actors.StreamAsync(Grains);
        var (other, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        await Rules(creator).BanAsync(creator, viewer.UserId, null).WithTimeout();

        await Chat(viewer, other.GetPrimaryKeyString(), "elsewhere is fine");
    }

    [Fact]
    public async Task ATimeoutEndsByItself()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        var timeout = await Rules(creator).TimeoutAsync(creator, viewer.UserId, 30, "calm down").WithTimeout();
        Assert.Equal(fixture.Clock.GetUtcNow().AddSeconds(30), timeout.Until);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Chat(viewer, stream.GetPrimaryKeyString(), "hello"));
        Assert.Equal(ErrorCodes.Forbidden, refused.Code);

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await Chat(viewer, stream.GetPrimaryKeyString(), "hello again");
        Assert.Empty((await Rules(creator).GetAsync(creator).WithTimeout()).Timeouts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(14 * 24 * 3600 + 1)]
    public async Task ATimeoutOutsideOneSecondToFourteenDaysIsRefused(int seconds)
    {
        var (_, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var error = await Assert.ThrowsAsync<DomainException>(() => Rules(creator).TimeoutAsync(creator, viewer.UserId, seconds, null).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task AViewerCannotModerate()
    {
        var (_, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var other = await Actors.RegisterAsync(Grains, Role.Viewer);
        var rules = Rules(creator);

        await AssertCode(ErrorCodes.Forbidden, () => rules.BanAsync(viewer, other.UserId, null));
        await AssertCode(ErrorCodes.Forbidden, () => rules.TimeoutAsync(viewer, other.UserId, 60, null));
        await AssertCode(ErrorCodes.Forbidden, () => rules.AddModeratorAsync(viewer, viewer.UserId));
        await AssertCode(ErrorCodes.Forbidden, () => rules.SetBlockedTermsAsync(viewer, [new BlockedTerm("x1", TermAction.Drop)]));
        await AssertCode(ErrorCodes.Forbidden, () => rules.GetAsync(viewer));
        Assert.Empty((await rules.GetAsync(creator).WithTimeout()).Bans);
    }

    [Fact]
    public async Task AModeratorBansButCannotAppointOrRestrictTheCreator()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var moderator = await Actors.RegisterAsync(Grains, Role.Viewer);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var rules = Rules(creator);
        await rules.AddModeratorAsync(creator, moderator.UserId).WithTimeout();

        await rules.BanAsync(moderator, viewer.UserId, "spam").WithTimeout();

        await AssertCode(ErrorCodes.Forbidden, () => rules.AddModeratorAsync(moderator, viewer.UserId));
        await AssertCode(ErrorCodes.Forbidden, () => rules.BanAsync(moderator, creator.UserId, null));
        Assert.True(await rules.MayModerateAsync(moderator).WithTimeout());
        var view = await rules.GetAsync(moderator).WithTimeout();
        Assert.Equal([moderator.UserId], view.Moderators);
        Assert.Equal(viewer.UserId, Assert.Single(view.Bans).UserId);

        // Moderators are not held back by the rules they keep.
        await rules.SetBlockedTermsAsync(creator, [new BlockedTerm("forbidden", TermAction.Drop)]).WithTimeout();
        await Chat(moderator, stream.GetPrimaryKeyString(), "forbidden word, said by a moderator");
    }

    [Fact]
    public async Task AModeratorOfAnotherCreatorCannotActHere()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var (_, otherCreator) = await Actors.StreamAsync(Grains);
        var moderator = await Actors.RegisterAsync(Grains, Role.Viewer);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Rules(otherCreator).AddModeratorAsync(otherCreator, moderator.UserId).WithTimeout();
        var message = await Chat(viewer, stream.GetPrimaryKeyString(), "hello");

        await AssertCode(ErrorCodes.Forbidden, () => Rules(creator).BanAsync(moderator, viewer.UserId, null));
        await AssertCode(ErrorCodes.Forbidden, () => Rules(creator).DeleteMessageAsync(moderator, stream.GetPrimaryKeyString(), message.Id, null));

        // Nor through their own creator's rules on this creator's stream.
        await AssertCode(ErrorCodes.Forbidden, () => Rules(otherCreator).DeleteMessageAsync(moderator, stream.GetPrimaryKeyString(), message.Id, null));
        Assert.Contains((await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Chat, m => m.Id == message.Id);
    }

    [Fact]
    public async Task ModerationOfUnknownUsersOrMessagesIsNotFound()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var rules = Rules(creator);

        await AssertCode(ErrorCodes.NotFound, () => rules.BanAsync(creator, TestIds.User(), null));
        await AssertCode(ErrorCodes.NotFound, () => rules.TimeoutAsync(creator, TestIds.User(), 60, null));
        await AssertCode(ErrorCodes.NotFound, () => rules.AddModeratorAsync(creator, TestIds.User()));
        await AssertCode(ErrorCodes.NotFound, () => rules.UnbanAsync(creator, TestIds.User()));
        await AssertCode(ErrorCodes.NotFound, () => rules.DeleteMessageAsync(creator, stream.GetPrimaryKeyString(), "m_nope", null));
        await AssertCode(ErrorCodes.NotFound, () => rules.ReviewHeldAsync(creator, "h_nope", approve: true));
        await AssertCode(ErrorCodes.NotFound, () => Grains.GetGrain<IModerationGrain>(TestIds.User()).GetAsync(Actors.Admin()));
    }

    [Fact]
    public async Task ADeletedMessageLeavesTheHistoryAndTheJoinSnapshot()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var probe = await EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
        var kept = await Chat(viewer, stream.GetPrimaryKeyString(), "a fine message");
        var bad = await Chat(viewer, stream.GetPrimaryKeyString(), "a nasty message");

        await Rules(creator).DeleteMessageAsync(creator, stream.GetPrimaryKeyString(), bad.Id, "nasty").WithTimeout();

        var deleted = (ChatMessageDeleted)await probe.WaitAsync(e => e is ChatMessageDeleted d && d.MessageId == bad.Id);
        Assert.Equal(viewer.UserId, deleted.UserId);
        Assert.Equal(bad.Seq + 1, deleted.Seq);
        var snapshot = await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout();
        Assert.DoesNotContain(snapshot.Chat, m => m.Id == bad.Id);
        Assert.Contains(snapshot.Chat, m => m.Id == kept.Id);
        Assert.Null(await stream.FindChatAsync(bad.Id).WithTimeout());

        // It stays deleted when the stream moves to another activation.
        await fixture.Cluster.DeactivateAsync(stream).WithTimeout();
        Assert.DoesNotContain((await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Chat, m => m.Id == bad.Id);
    }

    [Fact]
    public async Task ABlockedTermDropsTheMessage()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Rules(creator).SetBlockedTermsAsync(creator, [new BlockedTerm("scam*", TermAction.Drop)]).WithTimeout();

        var error = await Assert.ThrowsAsync<DomainException>(() => Chat(viewer, stream.GetPrimaryKeyString(), "total S C A M M E R here"));
        Assert.Equal(ErrorCodes.Blocked, error.Code);
        Assert.DoesNotContain((await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Chat, m => m.UserId == viewer.UserId);
        Assert.Equal(0, (await Rules(creator).GetAsync(creator).WithTimeout()).HeldCount);
    }

    [Fact]
    public async Task AHeldMessageIsPostedOnlyOnceAModeratorApprovesIt()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var rules = Rules(creator);
        await rules.SetBlockedTermsAsync(creator, [new BlockedTerm("link", TermAction.Hold)]).WithTimeout();

        var error = await Assert.ThrowsAsync<DomainException>(() => Chat(viewer, stream.GetPrimaryKeyString(), "check my LINK"));
        Assert.Equal(ErrorCodes.Held, error.Code);
        await Assert.ThrowsAsync<DomainException>(() => Chat(viewer, stream.GetPrimaryKeyString(), "another l1nk"));
        var held = await rules.GetHeldAsync(creator).WithTimeout();
        Assert.Equal(2, held.Count);
        Assert.DoesNotContain((await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Chat, m => m.UserId == viewer.UserId);

        await rules.ReviewHeldAsync(creator, held[0].Id, approve: true).WithTimeout();
        await rules.ReviewHeldAsync(creator, held[1].Id, approve: false).WithTimeout();

        var chat = (await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout()).Chat.Where(m => m.UserId == viewer.UserId).ToList();
        Assert.Equal("check my LINK", Assert.Single(chat).Text);
        Assert.Empty(await rules.GetHeldAsync(creator).WithTimeout());
    }

    [Fact]
    public async Task ThePlatformsTermsApplyInEveryStream()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var platform = Grains.GetGrain<IPlatformModerationGrain>(0);
        var term = "zq" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));
        await AssertCode(ErrorCodes.Forbidden, () => platform.SetTermsAsync(viewer, [new BlockedTerm(term, TermAction.Drop)]));

        var before = await platform.GetTermsAsync().WithTimeout();
        await platform.SetTermsAsync(Actors.Admin(), [.. before.Terms, new BlockedTerm(term, TermAction.Drop)]).WithTimeout();

        // Each creator's rules read the platform's list at most 5 s late.
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        var error = await Assert.ThrowsAsync<DomainException>(() => Chat(viewer, stream.GetPrimaryKeyString(), $"say {term.ToUpperInvariant()}"));
        Assert.Equal(ErrorCodes.Blocked, error.Code);
    }

    [Fact]
    public async Task ASuspendedAccountCannotChatAnywhereUntilLifted()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var account = Grains.GetGrain<IUserGrain>(viewer.UserId);

        await AssertCode(ErrorCodes.Forbidden, () => account.SuspendAsync(creator, "no"));
        await account.SuspendAsync(Actors.Admin(), "abuse").WithTimeout();

        Assert.Equal("abuse", (await account.GetSuspensionAsync().WithTimeout())?.Reason);
        await AssertCode(ErrorCodes.Forbidden, () => Chat(viewer, stream.GetPrimaryKeyString(), "hello"));
        await account.UnsuspendAsync(Actors.Admin()).WithTimeout();
        await Chat(viewer, stream.GetPrimaryKeyString(), "hello");
    }

    private IModerationGrain Rules(Actor creator) => Grains.GetGrain<IModerationGrain>(creator.UserId);

    private Task<ChatMessageEvent> Chat(Actor author, string streamId, string text) =>
        Grains.GetGrain<IUserGrain>(author.UserId).SendChatAsync(streamId, text).WithTimeout();

    private async Task<string> SecondStreamAsync(Actor creator)
    {
        var second = Grains.GetGrain<IStreamGrain>(TestIds.Stream());
        await second.CreateAsync(new CreateStream(creator, "Another stream", "testing")).WithTimeout();
        await second.MoveToAsync(creator, StreamStatus.Live).WithTimeout();
        return second.GetPrimaryKeyString();
    }

    private static async Task AssertCode(string code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => action().WithTimeout());
        Assert.Equal(code, error.Code);
    }
}
