using System.Collections.Concurrent;
using System.Globalization;
using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Scenarios;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>
/// Durable gift transfers straight on the wallet grains: S wallets send to M streams. Afterwards each stream's gift
/// total and each wallet's balance must equal what the receipts said.
/// </summary>
internal sealed class EngineGifts(LoadOptions options, IGrainFactory grains, string runId) : IEngineScenario
{
    private readonly ConcurrentDictionary<string, long> _expected = new(StringComparer.Ordinal);
    private string[] _streams = [];
    private Wallet[] _wallets = [];

    public string Unit => "gift transfers";

    public int Streams => _streams.Length;

    public int Senders => _wallets.Length;

    public int UnitsPerCall => 1;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _streams = await EngineSetup.LiveStreamsAsync(grains, runId, options.StreamCount, cancellationToken);

        // Enough wallets that none has two calls in flight, each under the server's per-wallet velocity limits.
        _wallets = new Wallet[options.Senders > 0 ? options.Senders : options.Concurrency * 4];
        await Parallel.ForEachAsync(Enumerable.Range(0, _wallets.Length), EngineSetup.Limited(cancellationToken), async (i, _) =>
        {
            var handle = EngineSetup.Handle(runId, 'g', i);
            var user = await grains.Get<IHandleGrain>(handle).ClaimAsync(handle, Role.Viewer);
            var wallet = grains.Get<IWalletGrain>(user.Id);
            _wallets[i] = new Wallet(wallet, _streams[i % _streams.Length], await wallet.GetBalanceAsync());
        });
    }

    public async Task CallAsync(int worker, long k)
    {
        var wallet = _wallets[(worker + (k * options.Concurrency)) % _wallets.Length];
        var key = string.Create(CultureInfo.InvariantCulture, $"{runId}-{worker}-{k}");
        var receipt = await wallet.Grain.SendGiftAsync(new SendGift(wallet.StreamId, options.GiftCode, 1, key));
        _expected.AddOrUpdate(wallet.StreamId, receipt.Tokens, (_, t) => t + receipt.Tokens);
        Interlocked.Add(ref wallet.Spent, receipt.Tokens);
    }

    public async Task<RunChecks> CheckAsync()
    {
        long accepted = 0, lost = 0, doubled = 0;
        foreach (var stream in _streams)
        {
            var expected = _expected.GetValueOrDefault(stream);
            var total = (await grains.Get<IStreamGrain>(stream).GetGiftStatsAsync()).TotalTokens;
            accepted += expected;
            lost += Math.Max(0, expected - total);
            doubled += Math.Max(0, total - expected);
        }

        var mismatches = 0;
        foreach (var wallet in _wallets)
        {
            mismatches += await wallet.Grain.GetBalanceAsync() == wallet.BalanceBefore - wallet.Spent ? 0 : 1;
        }

        // Without viewers, lost and doubled come from the streams' totals, in tokens (a rose is one token).
        return new RunChecks(new GiftCheck(accepted, lost, doubled, 0, lost == 0 && doubled == 0, mismatches), null);
    }

    private sealed class Wallet(IWalletGrain grain, string streamId, long balanceBefore)
    {
        public long Spent;

        public IWalletGrain Grain => grain;

        public string StreamId => streamId;

        public long BalanceBefore => balanceBefore;
    }
}
