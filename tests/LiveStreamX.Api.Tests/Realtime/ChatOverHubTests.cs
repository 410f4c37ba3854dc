using LiveStreamX.Testing;

namespace LiveStreamX.Api.Tests.Realtime;

[Collection(AppCollection.Name)]
public sealed class ChatOverHubTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task AMessageSentByOneClientReachesAnotherWithIncreasingSeq()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var alice = await App.SignInAsync();
        await using var sender = await App.Hub(alice).StartAsync();
        await using var watcher = await App.Hub().StartAsync();
        var joined = await watcher.JoinAsync(streamId);
        await sender.JoinAsync(streamId);

        for (var i = 0; i < 3; i++)
        {
            var ack = await sender.ChatAsync(streamId, $"hello {i}");
            Assert.Equal($"hello {i}", ack.GetProperty("text").GetString());
        }

        await watcher.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "hello 2");
        var messages = watcher.Of("chat:message", streamId);
        Assert.Equal(["hello 0", "hello 1", "hello 2"], messages.Select(m => m.GetProperty("text").GetString()));
        Assert.All(messages, m => Assert.Equal(alice.Handle, m.GetProperty("handle").GetString()));
        Assert.All(messages, m => Assert.True(m.TryGetProperty("at", out _)));

        // Every event the watcher got, whatever its type, follows the snapshot's seq without gaps or repeats.
        var seqs = watcher.Events.Where(e => e.GetProperty("streamId").GetString() == streamId).Select(e => e.GetProperty("seq").GetInt64()).ToList();
        var first = joined.GetProperty("seq").GetInt64() + 1;
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => first + i), seqs);
    }

    [Fact]
    public async Task TheSnapshotCarriesTheStreamAndTheLastMessages()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator, title: "Snapshot stream");
        await using var sender = await App.Hub(creator).StartAsync();
        await sender.ChatAsync(streamId, "before you came");

        await using var late = await App.Hub().StartAsync();
        var joined = await late.JoinAsync(streamId);

        Assert.Equal("Snapshot stream", joined.GetProperty("stream").GetProperty("title").GetString());
        Assert.Equal("live", joined.GetProperty("stream").GetProperty("status").GetString());
        Assert.Equal("before you came", joined.GetProperty("chat")[0].GetProperty("text").GetString());
        Assert.True(joined.GetProperty("seq").GetInt64() >= 2);
        Assert.Equal(1, joined.GetProperty("viewerCount").GetInt32());
        Assert.False(joined.GetProperty("gapTooOld").GetBoolean());
    }

    [Fact]
    public async Task StateChangesReachViewersAsStreamState()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var watcher = await App.Hub().StartAsync();
        await watcher.JoinAsync(streamId);

        using var http = App.Http(creator.Token);
        (await http.PostAsync($"/api/streams/{streamId}/end", null).WithTimeout()).EnsureSuccessStatusCode();

        var state = await watcher.WaitForAsync("stream:state", streamId);
        Assert.Equal("ended", state.GetProperty("status").GetString());
        Assert.Single(watcher.Of("stream:state", streamId));
        Assert.Equal("live", state.GetProperty("previousStatus").GetString());
    }

    [Fact]
    public async Task LeavingAStreamStopsItsEvents()
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        await using var sender = await App.Hub(creator).StartAsync();
        await using var watcher = await App.Hub().StartAsync();
        await watcher.JoinAsync(streamId);
        await sender.ChatAsync(streamId, "one");
        await watcher.WaitForAsync("chat:message", streamId);

        await watcher.Connection.InvokeAsync("stream:leave", streamId).WithTimeout();
        await sender.JoinAsync(streamId);
        await sender.ChatAsync(streamId, "two");
        await sender.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "two");

        Assert.Single(watcher.Of("chat:message", streamId));
    }
}
