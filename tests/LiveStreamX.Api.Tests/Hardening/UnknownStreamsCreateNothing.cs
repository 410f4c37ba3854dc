using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>Finding 4: a call naming a stream that does not exist is not_found (the fuzz suite checks that storage stays untouched).</summary>
[Collection(AppCollection.Name)]
public sealed class UnknownStreamsCreateNothing(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AReactionToAnUnknownStreamIsNotFound()
    {
        var viewer = await App.SignInAsync();
        await using var hub = await App.Hub(viewer).StartAsync();

        var error = await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("mood:react", new { streamId = TestIds.Stream(), mood = "wow" }).WithTimeout());

        Assert.StartsWith("not_found:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeartbeatForAnUnknownStreamIsNotFound()
    {
        var viewer = await App.SignInAsync();
        await using var hub = await App.Hub(viewer).StartAsync();

        var error = await Refusals.HubErrorOf(() => hub.Connection.InvokeAsync<object>("watch:heartbeat", new { streamId = TestIds.Stream(), visible = true }).WithTimeout());

        Assert.StartsWith("not_found:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReactionToAStreamThatExistsIsStillAcceptedAndCounted()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var hub = await App.Hub(viewer).StartAsync();

        var ack = await hub.Connection.InvokeAsync<System.Text.Json.JsonElement>("mood:react", new { streamId, mood = "love", count = 2 }).WithTimeout();

        Assert.True(ack.GetProperty("accepted").GetBoolean());
        await Timeouts.Eventually(async () =>
        {
            var mood = await App.Http().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/streams/{streamId}/mood").WithTimeout();
            return mood.GetProperty("totals").TryGetProperty("love", out var love) && love.GetInt64() == 2;
        }, "two love reactions are counted");
    }
}
