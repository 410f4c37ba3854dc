using LiveStreamX.Api.Hosting;
using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Hosting;

/// <summary>
/// A node takes no more WebSocket connections than its limit: the next is refused at once, and the node keeps
/// serving the ones it holds (running out of file descriptors would have taken the whole node down).
/// </summary>
public sealed class ConnectionLimitTests : IDisposable
{
    private readonly LiveStreamXApp _app = new(new Dictionary<string, string?> { ["LSX:Connections:MaxWebSocketConnections"] = "2" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AConnectionOverTheLimitIsRefusedAndTheOthersCarryOn()
    {
        var creator = await _app.SignInAsync("creator");
        var streamId = await _app.CreateStreamAsync(creator);
        await using var first = await _app.Hub(creator, webSocketsOnly: true).StartAsync();
        await using var second = await _app.Hub(webSocketsOnly: true).StartAsync();
        await second.JoinAsync(streamId);

        await using var third = _app.Hub(webSocketsOnly: true);
        await Assert.ThrowsAnyAsync<Exception>(() => third.StartAsync());

        await first.ChatAsync(streamId, "still here");
        await second.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "still here");

        // A place that frees up is taken again (Kestrel counts the closed connection out as it finishes closing).
        await first.Connection.StopAsync().WithTimeout();
        await Timeouts.Eventually(async () =>
        {
            await using var next = _app.Hub(webSocketsOnly: true);
            try
            {
                await next.StartAsync();
                return true;
            }
            catch (Exception e) when (e is not TimeoutException)
            {
                return false;
            }
        }, "a connection after one closed");
    }

    [Theory]
    [InlineData(null, 20_000L, 19_250L)]
    [InlineData(null, null, long.MaxValue)]
    [InlineData(50, 20_000L, 50L)]
    public void TheWebSocketLimitIsWhatTheOpenFileLimitLeavesUnlessSet(int? configured, long? openFiles, long expected)
    {
        var limits = new ConnectionLimits { MaxWebSocketConnections = configured };
        Assert.Equal(expected, limits.WebSocketLimit(openFiles));
    }

    [Fact]
    public void ThisProcessOpenFileLimitIsRead()
    {
        Assert.True(ConnectionLimits.OpenFileLimit() > 0);
    }
}
