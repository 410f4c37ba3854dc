using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Realtime;

[Collection(AppCollection.Name)]
public sealed class HubErrorTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AnAnonymousClientMayWatchButNotChat()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var anonymous = await App.Hub().StartAsync();

        await anonymous.JoinAsync(streamId);
        Assert.Equal("forbidden", await HubErrors.CodeOf(() => anonymous.ChatAsync(streamId, "hi")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../../etc")]
    public async Task AMalformedStreamIdIsInvalidInput(string streamId)
    {
        var user = await App.SignInAsync();
        await using var client = await App.Hub(user).StartAsync();
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.JoinAsync(streamId)));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.ChatAsync(streamId, "hi")));
    }

    [Fact]
    public async Task ANegativeSinceSeqIsInvalidInput()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var client = await App.Hub().StartAsync();
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.JoinAsync(streamId, -1)));
    }

    [Fact]
    public async Task AMissingChatBodyIsInvalidInput()
    {
        var user = await App.SignInAsync();
        await using var client = await App.Hub(user).StartAsync();
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.Connection.InvokeAsync<object>("chat:message", null).WithTimeout()));
    }

    [Fact]
    public async Task JoiningAnUnknownStreamIsNotFound()
    {
        await using var client = await App.Hub().StartAsync();
        Assert.Equal("not_found", await HubErrors.CodeOf(() => client.JoinAsync(TestIds.Stream())));
    }

    [Fact]
    public async Task ChattingInAStreamThatIsNotLiveIsNotLive()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator, live: false);
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        Assert.Equal("not_live", await HubErrors.CodeOf(() => client.ChatAsync(streamId, "too early")));
    }

    [Fact]
    public async Task AnEmptyMessageIsInvalidInput()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.ChatAsync(streamId, " \t ")));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => client.ChatAsync(streamId, new string('a', 501))));
    }

    [Fact]
    public async Task TheSixthMessageInABurstIsRateLimitedAndTheConnectionStaysUsable()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        await client.JoinAsync(streamId);

        for (var i = 0; i < 5; i++)
        {
            await client.ChatAsync(streamId, $"m{i}");
        }

        Assert.Equal("rate_limited", await HubErrors.CodeOf(() => client.ChatAsync(streamId, "m5")));

        // The same user on a second connection shares the bucket: the limit holds across connections and nodes.
        await using var second = await App.Hub(viewer).StartAsync();
        Assert.Equal("rate_limited", await HubErrors.CodeOf(() => second.ChatAsync(streamId, "m6")));

        var joined = await client.JoinAsync(streamId);
        Assert.Equal(5, joined.GetProperty("chat").GetArrayLength());
    }

    [Fact]
    public async Task SlowModeRefusesASecondMessageWithRateLimited()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        using (var http = App.Http(creator.Token))
        {
            var response = await http.PutAsync($"/api/streams/{streamId}/slow-mode", JsonContent.Create(new { seconds = 600 })).WithTimeout();
            response.EnsureSuccessStatusCode();
        }

        var viewer = await App.SignInAsync();
        await using var client = await App.Hub(viewer).StartAsync();
        await client.JoinAsync(streamId);
        await client.ChatAsync(streamId, "first");
        Assert.Equal("rate_limited", await HubErrors.CodeOf(() => client.ChatAsync(streamId, "second")));
    }

    [Fact]
    public async Task AnInvalidTokenIsRefusedAtConnect()
    {
        await using var client = new HubClient(new Uri(App.BaseAddress, "/hubs/live"), "not-a-token");
        // A bad token is not anonymous: the negotiate request is rejected with 401.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.StartAsync());
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }
}
