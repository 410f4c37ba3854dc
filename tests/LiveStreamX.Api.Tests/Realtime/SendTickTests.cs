using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Realtime;

/// <summary>
/// The node's send tick: events that follow a send within the batch window reach viewers together as one
/// <c>stream:events</c> message, and every event still arrives once, in seq order, as PROTOCOL.md promises.
/// </summary>
public sealed class SendTickTests : IDisposable
{
    // A one-second window: a burst of messages sent at once always falls inside it, however slow the machine.
    private readonly LiveStreamXApp _app = new(new Dictionary<string, string?>
    {
        ["LSX:Realtime:BatchWindowMilliseconds"] = "1000",
        ["LSX:Chat:RateLimitMessages"] = "100",
        ["LSX:Chat:RateLimitPeriodSeconds"] = "1",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ABurstReachesEveryViewerBatchedOnceEachAndInSeqOrder()
    {
        var creator = await _app.SignInAsync("creator");
        var streamId = await _app.CreateStreamAsync(creator);
        var alice = await _app.SignInAsync();
        await using var sender = await _app.Hub(alice).StartAsync();
        await using var first = await _app.Hub().StartAsync();
        await using var second = await _app.Hub().StartAsync();
        var joins = new[] { await first.JoinAsync(streamId), await second.JoinAsync(streamId) };
        await sender.JoinAsync(streamId);

        var texts = Enumerable.Range(0, 12).Select(i => $"burst {i}").ToArray();
        var acks = await Task.WhenAll(texts.Select(text => sender.ChatAsync(streamId, text)));

        var lastSeq = acks.Max(a => a.GetProperty("seq").GetInt64());
        foreach (var (viewer, joined) in new[] { first, second }.Zip(joins))
        {
            await viewer.WaitForAsync(e => e.GetProperty("streamId").GetString() == streamId && e.GetProperty("seq").GetInt64() == lastSeq, "the burst's last event");
            var messages = viewer.Of("chat:message", streamId).Select(m => m.GetProperty("text").GetString()).ToList();
            Assert.Equal(texts.Order(), messages.Order());
            Assert.Equal(acks.OrderBy(a => a.GetProperty("seq").GetInt64()).Select(a => a.GetProperty("text").GetString()), messages);

            // Every event after the snapshot, batched or alone, in seq order without gaps or repeats.
            var seqs = viewer.Events.Where(e => e.GetProperty("streamId").GetString() == streamId).Select(e => e.GetProperty("seq").GetInt64()).ToList();
            var from = joined.GetProperty("seq").GetInt64() + 1;
            Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => from + i), seqs);
            Assert.True(viewer.Batches >= 1, "the burst came at least partly as a stream:events batch");
        }
    }

    [Fact]
    public void ABatchWindowOutOfRangeFailsAtStart()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LiveStreamXApp(new Dictionary<string, string?> { ["LSX:Realtime:BatchWindowMilliseconds"] = "-1" }).Dispose());
        Assert.Contains("BatchWindowMilliseconds", error.ToString(), StringComparison.Ordinal);
    }
}
