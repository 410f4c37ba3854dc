using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Leaderboards;
using LiveStreamX.Leaderboards;
using LiveStreamX.Progression;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// A creator's earnings, apart from the tokens they can spend. Each gift adds two entries: the creator's share
/// and, beside it, the platform's share, so the platform's total is the sum over creators with no single hot grain.
/// </summary>
// Reentrant, for group commit: a gift is checked and entered in the ledger in memory in one turn, before any await,
// then shares the next ledger write with the gifts that arrived while one was in flight, and is acknowledged with
// them. It never calls a wallet, so wallets await it safely.
[Reentrant]
public sealed partial class EarningsGrain(
    [PersistentState("earnings", StorageNames.Default)] IPersistentState<EarningsState> earnings,
    IOptions<WalletOptions> options,
    IPersistentStateFactory stateFactory,
    IGrainContext grainContext,
    LeaderboardScoreBuffer scores,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<EarningsGrain> logger) : Grain, IEarningsGrain
{
    private const string Unsaved = "The earnings could not be saved; the gift will be delivered again.";

    private readonly StoredState<EarningsState> _earnings = new(grainContext, earnings, "earnings", logger, Unsaved);

    // Per sender, the last transfer applied (senders deliver in order, so a lower one is a repeat), apart from the
    // ledger so a gift does not rewrite every sender the creator ever had.
    private readonly SenderTallies _senders = new(stateFactory, grainContext, "earnings", logger, Unsaved);
    private LedgerBook _book = null!;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new LedgerBook(GrainFactory, "earnings", UserId, options.Value.LedgerPageSize);
        if (_earnings.State.Applied.Count > 0)
        {
            await _senders.ImportAsync(_earnings.State.Applied.Select(a => (a.Key, new SenderTally(a.Value, 0, a.Key))));
            _earnings.State = _earnings.State with { Applied = [] };
            await _earnings.WriteNowAsync(cancellationToken);
        }

        if (_earnings.State.LastGift is { } last)
        {
            // Written one gift at a time by an earlier version: settled like the gifts in flight.
            _earnings.State = _earnings.State with { LastGift = null, InFlight = [.. _earnings.State.InFlight, last] };
        }

        await SettleInFlightAsync();
    }

    public async Task ReceiveAsync(GiftDelivery delivery)
    {
        if (delivery.CreatorId != UserId)
        {
            throw DomainException.InvalidInput("creatorId", "This delivery is for another creator.");
        }

        if (_earnings.State.Ledger.LastNo == 0)
        {
            await GrainFactory.Get<IWalletRegistryGrain>(WalletRegistry.ShardOf(UserId)).RegisterAsync(UserId);
        }

        await SealFullPagesAsync();

        // From here to the commit: one turn, no await, so no other gift sees a half-entered one.
        var state = _earnings.State;
        if (_senders.HasApplied(delivery.SenderId, delivery.TransferNo)
            || state.InFlight.Any(g => g.SenderId == delivery.SenderId && g.TransferNo >= delivery.TransferNo))
        {
            // A repeat: answered once the original is written (and fails if that write does).
            await _earnings.WhenWrittenAsync();
            await _senders.WhenWrittenAsync(delivery.SenderId);
            return;
        }

        var earning = new LedgerEntry(state.Ledger.LastNo + 1, LedgerKind.Earning, LedgerAccount.Earnings, delivery.CreatorShare,
            delivery.SenderId, IdempotencyKey: null, delivery.TransferId, delivery.At, state.Earnings + delivery.CreatorShare,
            delivery.StreamId, delivery.Gift.Code, delivery.Count);
        var share = new LedgerEntry(earning.No + 1, LedgerKind.PlatformShare, LedgerAccount.Platform, delivery.PlatformShare,
            delivery.SenderId, IdempotencyKey: null, delivery.TransferId, delivery.At, state.PlatformShare + delivery.PlatformShare,
            delivery.StreamId, delivery.Gift.Code, delivery.Count);
        var gift = new GiftInFlight(delivery.SenderId, delivery.SenderHandle, delivery.TransferNo, delivery.Tokens);
        await _earnings.CommitAsync(state with
        {
            Earnings = state.Earnings + delivery.CreatorShare,
            PlatformShare = state.PlatformShare + delivery.PlatformShare,
            Ledger = state.Ledger.Append(earning).Append(share),
            InFlight = [.. state.InFlight, gift],
        });

        // A crash before the tally is written is finished by the next activation; a failure, by the next call.
        await SettleAsync(gift);

        await GrainFactory.Get<IProgressionGrain>(UserId).TrackCreatorAsync(new CreatorActivity(TokensReceived: delivery.Tokens));
        scores.Add(BoardCategories.CreatorTokens, UserId, delivery.Tokens);
    }

    public Task<long> GetEarningsAsync() => Task.FromResult(_earnings.State.Earnings);

    public Task<LedgerPage> GetLedgerAsync(int limit, long? before) => _book.ReadAsync(_earnings.State.Ledger, limit, before);

    public async Task<LedgerAudit> AuditAsync()
    {
        // One snapshot: gifts entered while the archived pages are read do not skew the sums.
        var state = _earnings.State;
        var entries = await _book.AllAsync(state.Ledger);
        var numbered = entries.Select((e, i) => e.No == i + 1).All(x => x);
        var earned = entries.Where(e => e.Account == LedgerAccount.Earnings).Sum(e => e.Amount);
        var platform = entries.Where(e => e.Account == LedgerAccount.Platform).Sum(e => e.Amount);
        var gifts = entries.Where(e => e.Kind == LedgerKind.Earning).Sum(e => e.Amount);
        var payouts = -entries.Where(e => e.Kind is LedgerKind.PayoutDebit or LedgerKind.PayoutReturn).Sum(e => e.Amount);
        return new LedgerAudit(UserId, 0, state.Earnings, state.PlatformShare, 0,
            numbered ? earned : long.MinValue, numbered ? platform : long.MinValue, 0, 0, 0, entries.Count,
            Earned: gifts, PaidOut: state.PaidOut, PayoutsInFlight: state.PayoutsInFlight.Values.Sum(), PayoutsNet: payouts);
    }

    /// <summary>Writes the tallies of gifts the ledger has and the tallies may not.</summary>
    private async Task SettleInFlightAsync()
    {
        foreach (var gift in _earnings.State.InFlight)
        {
            await SettleAsync(gift);
        }
    }

    private async Task SettleAsync(GiftInFlight gift)
    {
        if (!_senders.HasApplied(gift.SenderId, gift.TransferNo))
        {
            await _senders.RecordAsync(gift.SenderId, gift.Handle, gift.TransferNo, gift.Tokens);
        }
        else
        {
            await _senders.WhenWrittenAsync(gift.SenderId);
        }

        // In memory: the next ledger write drops it; after a crash the next activation finds it tallied.
        _earnings.State = _earnings.State with { InFlight = [.. _earnings.State.InFlight.Where(g => g != gift)] };
    }
}
