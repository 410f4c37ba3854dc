using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>Findings 1 and 2: lone surrogates and repeated names in free-form JSON are invalid input, never a 500.</summary>
[Collection(AppCollection.Name)]
public sealed class BrokenTextIsRefusedWithACode(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    // Refused while the body is read (field "body") or by the layout's rules (the field itself): a code either way.
    [Theory]
    [InlineData("""{"videoFilter":"\ud800"}""", "videoFilter")]
    [InlineData("""{"widgets":[{"id":"b","kind":"banner","x":1,"y":1,"width":10,"height":10,"text":"hi \udc00"}]}""", "widgets[0].text")]
    [InlineData("""{"theme":{"\ud800":"x"}}""", "theme")]
    [InlineData("""{"videoFilter":"none","videoFilter":"noir"}""", "videoFilter")]
    public async Task AnOverlayWithBrokenTextIsInvalidInput(string layout, string field)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        using var http = App.Http(creator.Token);

        var (status, problem) = await Refusals.SendAsync(http, HttpMethod.Put, $"/api/streams/{streamId}/overlay", layout);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", problem.Code());
        Assert.Contains(problem.Fields(), f => f == "body" || f.StartsWith(field, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"videoFilter":"\ud800"}""", "videoFilter")]
    [InlineData("""{"widgets":[{"id":"b","kind":"banner","x":1,"y":1,"width":10,"height":10,"text":"hi \udc00"}]}""", "widgets[0].text")]
    [InlineData("""{"theme":{"\ud800":"x"}}""", "theme")]
    [InlineData("""{"videoFilter":"none","videoFilter":"noir"}""", "videoFilter")]
    [InlineData("""{"widgets":[{"id":"b","kind":"banner","x":1,"y":1,"width":10,"height":10,"text":"\u200b"}]}""", "widgets[0].text")]
    public void TheLayoutRulesNameTheBrokenField(string layout, string field)
    {
        using var document = System.Text.Json.JsonDocument.Parse(layout);

        var (parsed, errors) = LiveStreamX.Engagement.OverlayRules.Parse(document.RootElement);

        Assert.Null(parsed);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("""{"text":"\ud800"}""")]
    [InlineData("""{"text":"Thanks","text":"Again"}""")]
    [InlineData("""{"text":"\u200b\u200b"}""")]
    public async Task CommandGiftParamsWithBrokenTextOrARepeatedNameAreInvalidInput(string parameters)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        using var http = App.Http(creator.Token);

        var (status, problem) = await Refusals.SendAsync(http, HttpMethod.Put, $"/api/streams/{streamId}/command-gifts",
            $$$"""{"mappings":[{"giftCode":"rose","action":"spotlight-message","params":{{{parameters}}}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", problem.Code());
        Assert.NotEmpty(problem.Fields());
    }

    [Theory]
    [InlineData("""{"intensity":2,"intensity":3}""")]
    [InlineData("""{"color":"#ffffff","durationMs":"700"}""")]
    public async Task AChallengeRewardWithBrokenParamsIsInvalidInputOverTheHub(string parameters)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var hub = await App.Hub(creator).StartAsync();

        var error = await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("challenge:start", Refusals.Json(
            $$$"""{"streamId":"{{{streamId}}}","kind":"reactions","target":10,"durationSeconds":60,"reward":{"action":"confetti","params":{{{parameters}}}}}""")).WithTimeout());

        Assert.StartsWith("invalid_input:", error, StringComparison.Ordinal);
        Assert.Contains("reward.params", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"color":"\ud800"}""")]
    [InlineData("""{"\udc00":1}""")]
    [InlineData("""{"intensity":2,"intensity":3}""")]
    public async Task AChallengeRewardWithALoneSurrogateIsInvalidInputOverTheHub(string parameters)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var hub = await RawHubClient.ConnectAsync(App.BaseAddress, creator.Token);

        var (_, error, _) = await hub.InvokeAsync("challenge:start",
            $$$"""[{"streamId":"{{{streamId}}}","kind":"reactions","target":10,"durationSeconds":60,"reward":{"action":"confetti","params":{{{parameters}}}}}]""");

        Assert.Matches("HubException: invalid_input: .*reward\\.params", error);
    }

    [Fact]
    public void TheCatalogReportsARepeatedParameterInsteadOfThrowing()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"intensity":2,"intensity":3}""");
        var errors = new Dictionary<string, string[]>();

        var json = LiveStreamX.Gifts.CommandCatalog.CheckParams(LiveStreamX.Gifts.CommandCatalog.Find("confetti")!, document.RootElement, "reward.params", errors);

        Assert.Null(json);
        Assert.Equal(["reward.params.intensity"], errors.Keys);
    }
}
