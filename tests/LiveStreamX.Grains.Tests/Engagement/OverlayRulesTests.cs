using System.Text.Json;
using LiveStreamX.Engagement;

namespace LiveStreamX.Grains.Tests.Engagement;

public sealed class OverlayRulesTests
{
    [Fact]
    public void AFullLayoutWithEveryWidgetKindIsAccepted()
    {
        var (layout, errors) = OverlayRules.Parse(JsonDocument.Parse("""
            { "theme": { "preset": "neon", "accent": "#FF3D71", "accent2": "#00d4ff" }, "videoFilter": "vivid",
              "background": "https://images.example.com/bg.jpg",
              "widgets": [
                { "id": "w1", "kind": "banner", "text": "Hi!", "x": 5, "y": 85, "width": 90, "height": 10 },
                { "id": "w2", "kind": "goal", "label": "Camera", "current": 3, "target": 10, "x": 70, "y": 5, "width": 25, "height": 8 },
                { "id": "w3", "kind": "countdown", "label": "Raffle", "endsAt": "2026-11-24T20:00:00Z", "x": 5, "y": 5, "width": 20, "height": 8 },
                { "id": "w4", "kind": "image", "src": "/assets/brand/logo.png", "x": 85, "y": 80, "width": 10, "height": 15 } ] }
            """).RootElement);
        Assert.Empty(errors);
        Assert.Equal(4, layout!.Widgets.Count);
    }

    [Theory]
    [InlineData("""{ "script": "alert(1)" }""", "script")]
    [InlineData("""{ "theme": { "preset": "hacker" } }""", "theme.preset")]
    [InlineData("""{ "theme": { "accent": "red" } }""", "theme.accent")]
    [InlineData("""{ "videoFilter": "url(javascript:alert(1))" }""", "videoFilter")]
    [InlineData("""{ "background": "javascript:alert(1)" }""", "background")]
    [InlineData("""{ "background": "http://insecure.example.com/a.png" }""", "background")]
    [InlineData("""{ "widgets": [ { "id": "a", "kind": "banner", "text": "x", "onclick": "evil()", "x": 0, "y": 0, "width": 1, "height": 1 } ] }""", "widgets[0].onclick")]
    [InlineData("""{ "widgets": [ { "id": "a", "kind": "banner", "text": "", "x": 0, "y": 0, "width": 1, "height": 1 } ] }""", "widgets[0].text")]
    [InlineData("""{ "widgets": [ { "id": "a", "kind": "iframe", "x": 0, "y": 0, "width": 1, "height": 1 } ] }""", "widgets[0].kind")]
    [InlineData("""{ "widgets": [ { "id": "a", "kind": "image", "src": "/assets/../secrets", "x": 0, "y": 0, "width": 1, "height": 1 } ] }""", "widgets[0].src")]
    [InlineData("""{ "widgets": [ { "id": "a", "kind": "banner", "text": "x", "x": 150, "y": 0, "width": 1, "height": 1 } ] }""", "widgets[0].x")]
    [InlineData("""{ "widgets": [ { "id": "a", "kind": "goal", "label": "x", "target": "ten", "x": 0, "y": 0, "width": 1, "height": 1 } ] }""", "widgets[0].target")]
    public void AnythingOutsideTheSchemaIsRejectedWithItsField(string json, string field)
    {
        var (layout, errors) = OverlayRules.Parse(JsonDocument.Parse(json).RootElement);
        Assert.Null(layout);
        Assert.Contains(field, errors.Keys);
    }
}
