using LiveStreamX.Gifts;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Wallets;

/// <summary>
/// The audit adds up the whole cluster, so this runs on a cluster of its own: other tests deliver gifts
/// by hand and would unbalance it.
/// </summary>
public sealed class ReconciliationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ConcurrentGiftsFromFiftySendersToFiveCreatorsReconcileExactly()
    {
        const int senders = 50;
        const int giftsEach = 200;
        var streams = new List<IStreamGrain>();
        for (var i = 0; i < 5; i++)
        {
            streams.Add((await Actors.StreamAsync(Grains)).Stream);
        }

        var viewers = await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Actors.RegisterAsync(Grains, Role.Viewer)));
        var acknowledged = await Task.WhenAll(viewers.Select((viewer, v) => Task.Run(async () =>
        {
            var wallet = Grains.GetGrain<IWalletGrain>(viewer.UserId);
            long tokens = 0;
            for (var g = 0; g < giftsEach; g++)
            {
                var stream = streams[(v + g) % streams.Count].GetPrimaryKeyString();
                var receipt = await wallet.SendGiftAsync(new SendGift(stream, g % 2 == 0 ? "rose" : "heart", 1, Actors.Key()));
                tokens += receipt.Tokens;
            }

            return tokens;
        }))).WaitAsync(TimeSpan.FromMinutes(3));

        var verification = await Grains.GetGrain<ILedgerAuditGrain>(0).VerifyAsync().WithTimeout();
        Assert.True(verification.Ok, string.Join("; ", verification.Problems));
        Assert.Equal(0, verification.InFlight);

        var sent = acknowledged.Sum();
        Assert.Equal(senders * giftsEach / 2 * 6, sent);
        var streamTotals = await Task.WhenAll(streams.Select(s => s.GetGiftStatsAsync()));
        Assert.Equal(sent, streamTotals.Sum(s => s.TotalTokens));
        foreach (var (viewer, tokens) in viewers.Zip(acknowledged))
        {
            Assert.Equal(1000 - tokens, await Grains.GetGrain<IWalletGrain>(viewer.UserId).GetBalanceAsync());
        }
    }
}
