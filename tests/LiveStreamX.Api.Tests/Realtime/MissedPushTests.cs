using LiveStreamX.Api.Realtime;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStreamX.Api.Tests.Realtime;

/// <summary>
/// A node whose stream grain lost its observer (as a crashed activation's successor could) misses pushes; it fetches
/// them from the grain's replay buffer, so its viewers still get every seq once, in order.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MissedPushTests(AppFixture fixture)
{
    private LiveStreamXApp App => fixture.App;

    [Fact]
    public async Task PushesANodeMissedAreFetchedWhenTheNextPushShowsTheGap()
    {
        await using var watcher = await App.Hub().StartAsync();
        var (streamId, joined, missed) = await MissTwoPushesAsync(watcher);

        var after = await missed.Stream.PostChatAsync(missed.Author, "after the gap");

        await watcher.WaitForAsync("chat:message", streamId, e => e.GetProperty("seq").GetInt64() == after.Seq);
        AssertEverySeqOnceInOrder(watcher, streamId, joined);
        Assert.Equal(["missed 1", "missed 2", "after the gap"], watcher.Of("chat:message", streamId).Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task PushesANodeMissedBeforeASilenceAreFetchedAtItsNextLeaseRenewal()
    {
        await using var watcher = await App.Hub().StartAsync();
        var (streamId, joined, _) = await MissTwoPushesAsync(watcher);

        App.Services.GetRequiredService<ViewerPresence>().RenewAll();

        await watcher.WaitForAsync("chat:message", streamId, e => e.GetProperty("text").GetString() == "missed 2");
        AssertEverySeqOnceInOrder(watcher, streamId, joined);
    }

    /// <summary>A watcher joins; the grain forgets this node's observer, two messages go out, and the node registers again.</summary>
    private async Task<(string StreamId, System.Text.Json.JsonElement Joined, Missed Missed)> MissTwoPushesAsync(HubClient watcher)
    {
        var creator = await App.SignInAsync("creator");
        var streamId = await App.CreateStreamAsync(creator);
        var joined = await watcher.JoinAsync(streamId);

        var node = App.Services.GetRequiredService<NodeIdentity>().Id;
        var observer = App.Services.GetRequiredService<StreamEventBridge>().ObserverOf(streamId);
        Assert.NotNull(observer);
        var stream = App.Services.GetRequiredService<IGrainFactory>().GetGrain<IStreamGrain>(streamId);
        var author = new Actor(creator.Id, creator.Handle, Role.Creator);

        await stream.ReportViewersAsync(node, 0, null).WithTimeout();
        await stream.PostChatAsync(author, "missed 1").WithTimeout();
        await stream.PostChatAsync(author, "missed 2").WithTimeout();
        await stream.ReportViewersAsync(node, 1, observer).WithTimeout();
        return (streamId, joined, new Missed(stream, author));
    }

    private static void AssertEverySeqOnceInOrder(HubClient watcher, string streamId, System.Text.Json.JsonElement joined)
    {
        var seqs = watcher.Events.Where(e => e.GetProperty("streamId").GetString() == streamId).Select(e => e.GetProperty("seq").GetInt64()).ToList();
        var first = joined.GetProperty("seq").GetInt64() + 1;
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => first + i), seqs);
    }

    private sealed record Missed(IStreamGrain Stream, Actor Author);
}
