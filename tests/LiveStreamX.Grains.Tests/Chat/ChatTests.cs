using LiveStreamX.Common;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Tests.Chat;

[Collection(ClusterCollection.Name)]
public sealed class ChatTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AMessageIsTrimmedAndLosesControlCharacters()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        var sent = await Grains.GetGrain<IUserGrain>(viewer.UserId)
            .SendChatAsync(stream.GetPrimaryKeyString(), "  hello\u0000\u0007 \u202Eworld\t\n ").WithTimeout();

        Assert.Equal("hello world", sent.Text);
        Assert.Equal(viewer.Handle, sent.Handle);
        Assert.Equal(viewer.UserId, sent.UserId);
    }

    [Fact]
    public async Task MarkupIsKeptAsPlainText()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var sent = await Grains.GetGrain<IUserGrain>(viewer.UserId)
            .SendChatAsync(stream.GetPrimaryKeyString(), "<img src=x onerror=alert(1)>").WithTimeout();
        Assert.Equal("<img src=x onerror=alert(1)>", sent.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\t")]
    public async Task AnEmptyMessageIsRejected(string text)
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IUserGrain>(viewer.UserId).SendChatAsync(stream.GetPrimaryKeyString(), text).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task AMessageOf500CharactersPassesAndOf501IsRejected()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var user = Grains.GetGrain<IUserGrain>(viewer.UserId);

        var sent = await user.SendChatAsync(stream.GetPrimaryKeyString(), new string('x', 500)).WithTimeout();
        Assert.Equal(500, sent.Text.Length);

        var error = await Assert.ThrowsAsync<DomainException>(() => user.SendChatAsync(stream.GetPrimaryKeyString(), new string('x', 501)).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task ChatNeedsALiveStream()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains, live: false);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var user = Grains.GetGrain<IUserGrain>(viewer.UserId);

        var before = await Assert.ThrowsAsync<DomainException>(() => user.SendChatAsync(stream.GetPrimaryKeyString(), "early").WithTimeout());
        Assert.Equal(ErrorCodes.NotLive, before.Code);

        await stream.MoveToAsync(creator, StreamStatus.Live);
        await stream.MoveToAsync(creator, StreamStatus.Ended);
        var after = await Assert.ThrowsAsync<DomainException>(() => user.SendChatAsync(stream.GetPrimaryKeyString(), "late").WithTimeout());
        Assert.Equal(ErrorCodes.NotLive, after.Code);
    }

    [Fact]
    public async Task TheRateLimitAllowsABurstOfFiveThenRefuses()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var (other, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var user = Grains.GetGrain<IUserGrain>(viewer.UserId);

        for (var i = 0; i < 5; i++)
        {
            await user.SendChatAsync(stream.GetPrimaryKeyString(), $"message {i}").WithTimeout();
        }

        // The limit is the user's, not the stream's: another stream does not reset it.
        var error = await Assert.ThrowsAsync<DomainException>(() => user.SendChatAsync(other.GetPrimaryKeyString(), "one too many").WithTimeout());
        Assert.Equal(ErrorCodes.RateLimited, error.Code);

        var someoneElse = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Grains.GetGrain<IUserGrain>(someoneElse.UserId).SendChatAsync(stream.GetPrimaryKeyString(), "I am fine").WithTimeout();
    }

    [Fact]
    public async Task SlowModeLetsAViewerSendOneMessagePerPeriodButNotTheCreator()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var id = stream.GetPrimaryKeyString();
        await stream.SetSlowModeAsync(creator, 30).WithTimeout();
        Assert.Equal(30, (await stream.GetAsync())!.SlowModeSeconds);

        await stream.PostChatAsync(viewer, "first").WithTimeout();
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.PostChatAsync(viewer, "second").WithTimeout());
        Assert.Equal(ErrorCodes.RateLimited, error.Code);

        await stream.PostChatAsync(creator, "creators are exempt").WithTimeout();
        await stream.PostChatAsync(creator, "twice").WithTimeout();

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await stream.PostChatAsync(viewer, "after the wait").WithTimeout();
        Assert.Equal(4, (await stream.JoinAsync(new ViewerJoin("n", 0, null))).Chat.Count(m => m.StreamId == id));
    }

    [Fact]
    public async Task SlowModeIsTheCreatorsToSetWithinZeroToAnHour()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var forbidden = await Assert.ThrowsAsync<DomainException>(() => stream.SetSlowModeAsync(viewer, 5).WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);

        var invalid = await Assert.ThrowsAsync<DomainException>(() => stream.SetSlowModeAsync(Actors.Admin(), 3601).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, invalid.Code);
    }

    [Fact]
    public async Task AStreamKeepsTheLast200MessagesAndASnapshotShowsTheLast50()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        for (var i = 0; i < 230; i++)
        {
            await stream.PostChatAsync(creator, $"m{i}").WithTimeout();
        }

        var snapshot = await stream.JoinAsync(new ViewerJoin("n", 0, null)).WithTimeout();
        Assert.Equal(50, snapshot.Chat.Count);
        Assert.Equal("m180", snapshot.Chat[0].Text);
        Assert.Equal("m229", snapshot.Chat[^1].Text);
    }

    [Fact]
    public async Task AnUnregisteredUserCannotChat()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<IUserGrain>("u_nobody_" + Guid.NewGuid().ToString("N")).SendChatAsync(stream.GetPrimaryKeyString(), "hi").WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, error.Code);
    }
}
