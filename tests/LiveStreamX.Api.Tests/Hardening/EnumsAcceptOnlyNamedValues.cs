using System.Net;
using LiveStreamX.Common;
using LiveStreamX.Mood;
using LiveStreamX.Streams;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>Finding 3: an enum read from input is one of its wire names, never a number or a flag combination.</summary>
[Collection(AppCollection.Name)]
public sealed class EnumsAcceptOnlyNamedValues(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Theory]
    [InlineData("wow,sad")]
    [InlineData("love,laugh")]
    [InlineData("1")]
    [InlineData("Love, Laugh")]
    [InlineData("")]
    public async Task AMoodThatIsNotOneNameIsInvalidInput(string mood)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var hub = await App.Hub(viewer).StartAsync();

        var error = await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("mood:react", new { streamId, mood }).WithTimeout());

        Assert.StartsWith("invalid_input:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("live,ended")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("live, ended")]
    public async Task AStatusFilterThatIsNotOneNameIsInvalidInput(string status)
    {
        var (code, problem) = await Refusals.SendAsync(App.Http(), HttpMethod.Get, $"/api/streams?status={Uri.EscapeDataString(status)}", null);

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("invalid_input", problem.Code());
        Assert.Equal(["status"], problem.Fields());
    }

    [Fact]
    public async Task ANamedStatusInAnyCaseIsAccepted()
    {
        using var response = await App.Http().GetAsync("/api/streams?status=Live").WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void TheSharedParserTakesWireNamesOnly()
    {
        Assert.True(WireEnum.TryParse<MoodKind>("laugh", out var mood));
        Assert.Equal(MoodKind.Laugh, mood);
        Assert.True(WireEnum.TryParse<StreamStatus>("ARCHIVED", out var status));
        Assert.Equal(StreamStatus.Archived, status);
        Assert.False(WireEnum.TryParse<StreamStatus>("live,ended", out _));
        Assert.False(WireEnum.TryParse<StreamStatus>("3", out _));
        Assert.False(WireEnum.TryParse<StreamStatus>(" live", out _));
        Assert.False(WireEnum.TryParse<StreamStatus>(null, out _));
        Assert.Equal("gift-debit", WireEnum.Name(Wallets.LedgerKind.GiftDebit));
    }
}
