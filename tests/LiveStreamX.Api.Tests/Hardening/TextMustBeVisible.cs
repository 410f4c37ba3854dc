using System.Net;
using LiveStreamX.Common;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hardening;

/// <summary>Finding 6: titles, poll questions, chat and questions need a visible character.</summary>
[Collection(AppCollection.Name)]
public sealed class TextMustBeVisible(AppFixture fixture)
{
    public static readonly TheoryData<string> Invisible = ["\u200b\u200b\u200b", "\u202e\u202d", "\u2066\u200d\u2069", " \u3164 ", "\ufe0f\u0301", "\u2800"];

    private LiveStreamXApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task AnInvisibleTitleIsInvalidInput(string title)
    {
        var creator = await App.SignInAsync("creator");
        using var http = App.Http(creator.Token);

        using var response = await http.PostAsJsonAsync("/api/streams", new { title, category = "testing" }).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_input", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Code());
    }

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task InvisibleChatQuestionsAndPollTextsAreInvalidInput(string text)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var viewer = await App.SignInAsync();
        await using var studio = await App.Hub(creator).StartAsync();
        await using var hub = await App.Hub(viewer).StartAsync();

        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => hub.ChatAsync(streamId, text)));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => hub.Connection.InvokeAsync<object>("qa:ask", new { streamId, text }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<object>(
            "poll:create", new { streamId, question = text, options = new[] { "a", "b" }, durationSeconds = 60 }).WithTimeout()));
        Assert.Equal("invalid_input", await HubErrors.CodeOf(() => studio.Connection.InvokeAsync<object>(
            "poll:create", new { streamId, question = "Which?", options = new[] { "a", text }, durationSeconds = 60 }).WithTimeout()));
    }

    [Fact]
    public void TheSharedRuleKeepsEmojiSequencesAndDropsOverrides()
    {
        Assert.True(InputText.TryClean("  👩\u200d💻 ok ", 20, out var clean));
        Assert.Equal("👩\u200d💻 ok", clean);
        Assert.True(InputText.TryClean("\u202eevil", 20, out var flipped));
        Assert.Equal("evil", flipped);
        Assert.Null(InputText.Strip("a\ud800"));
        Assert.False(InputText.TryClean(new string('x', 21), 20, out _));
    }
}
