using LiveStreamX.Engagement;
using LiveStreamX.Testing;

namespace LiveStreamX.Grains.Tests.Persistence;

/// <summary>
/// A stream feature's change writes that feature's state alone, never the stream's or its chat history, and the
/// stream's getters answer while such a write is in flight.
/// </summary>
public sealed class FeatureWritesTests : FlakyClusterTests
{
    [Fact]
    public async Task AnOverlayChangeWritesTheOverlayAloneWhileTheGettersKeepAnswering()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        await stream.PostChatAsync(creator, "a line of history").WithTimeout();
        var id = stream.GetGrainId();
        await Timeouts.Eventually(() => Task.FromResult(Storage.Writes(id, "stream-chat") == 1), "the history is written behind");
        var streamWrites = Storage.Writes(id, "stream");
        var chatWrites = Storage.Writes(id, "stream-chat");

        var gate = Storage.Hold(id, "stream-overlay");
        var layout = OverlayLayout.Default with { Theme = new ThemeSettings("neon", "#ff00aa", null) };
        var saving = stream.SetOverlayAsync(creator, layout);
        await Timeouts.Eventually(() => Task.FromResult(gate.Waiting == 1), "the overlay's write is in flight");

        // The write holds the stream's turn; its getters do not queue behind it.
        Assert.NotNull(await stream.GetAsync().WithTimeout());
        Assert.Equal(0, (await stream.GetGiftStatsAsync().WithTimeout()).TotalTokens);
        Assert.Empty(await stream.GetMomentsAsync().WithTimeout());
        gate.Open();
        await saving.WithTimeout();

        Assert.Equal(1, Storage.Writes(id, "stream-overlay"));
        Assert.Equal(streamWrites, Storage.Writes(id, "stream"));
        Assert.Equal(chatWrites, Storage.Writes(id, "stream-chat"));
        Assert.Equal("neon", (await stream.GetOverlayAsync().WithTimeout()).Theme.Preset);
    }
}
