using System.Net;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>Finding 5: a number sent as a string is invalid input, over HTTP and over the hub, and nothing is sent.</summary>
[Collection(AppCollection.Name)]
public sealed class NumbersAreJsonNumbers(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AGiftCountSentAsAStringIsInvalidInputNamingTheMember()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        using var http = App.Http(viewer.Token);

        var (status, problem) = await Refusals.SendAsync(http, HttpMethod.Post, $"/api/streams/{streamId}/gifts",
            """{"giftCode":"rose","count":"5","idempotencyKey":"k_strict_http"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", problem.Code());
        Assert.Equal(["count"], problem.Fields());

        await using var hub = await App.Hub(viewer).StartAsync();
        var error = await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("gift:send", Refusals.Json(
            $$"""{"streamId":"{{streamId}}","giftCode":"rose","count":"5","idempotencyKey":"k_strict_hub"}""")).WithTimeout());
        Assert.StartsWith("invalid_input: gift.count:", error, StringComparison.Ordinal);

        var stats = await App.Http().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/streams/{streamId}/gifts").WithTimeout();
        Assert.Equal(0, stats.GetProperty("totalTokens").GetInt64());
    }
}
