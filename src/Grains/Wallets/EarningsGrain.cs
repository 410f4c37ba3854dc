using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Leaderboards;
using LiveStreamX.Progression;
using LiveStreamX.Wallets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// A creator's earnings, apart from the tokens they can spend. Each gift adds two entries: the creator's share
/// and, beside it, the platform's share, so the platform's total is the sum over creators with no single hot grain.
/// </summary>
// Non-reentrant, and it never calls out: wallets await it safely.
public sealed partial class EarningsGrain(
    [PersistentState("earnings", StorageNames.Default)] IPersistentState<EarningsState> earnings,
    IOptions<WalletOptions> options,
    IPersistentStateFactory stateFactory,
    IGrainContext grainContext,
    ILogger<EarningsGrain> logger) : Grain, IEarningsGrain
{
    // Per sender, the last transfer applied (senders deliver in order, so a lower one is a repeat), apart from the
    // ledger so a gift does not rewrite every sender the creator ever had.
    private readonly SenderTallies _senders = new(stateFactory, grainContext, "earnings");
    private LedgerBook _book = null!;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new LedgerBook(GrainFactory, "earnings", UserId, options.Value.LedgerPageSize);
        if (earnings.State.Applied.Count > 0)
        {
            await _senders.ImportAsync(earnings.State.Applied.Select(a => (a.Key, new SenderTally(a.Value, 0, a.Key))));
            earnings.State = earnings.State with { Applied = [] };
            await earnings.WriteStateAsync(cancellationToken);
        }

        await SettleLastGiftAsync();
    }

    public async Task ReceiveAsync(GiftDelivery delivery)
    {
        if (delivery.CreatorId != UserId)
        {
            throw DomainException.InvalidInput("creatorId", "This delivery is for another creator.");
        }

        await SettleLastGiftAsync();
        if (_senders.HasApplied(delivery.SenderId, delivery.TransferNo))
        {
            return;
        }

        var state = earnings.State;
        if (state.Ledger.LastNo == 0)
        {
            await GrainFactory.Get<IWalletRegistryGrain>(WalletRegistry.ShardOf(UserId)).RegisterAsync(UserId);
        }

        var ledger = await _book.MakeRoomAsync(state.Ledger);
        var earning = new LedgerEntry(ledger.LastNo + 1, LedgerKind.Earning, LedgerAccount.Earnings, delivery.CreatorShare,
            delivery.SenderId, IdempotencyKey: null, delivery.TransferId, delivery.At, state.Earnings + delivery.CreatorShare,
            delivery.StreamId, delivery.Gift.Code, delivery.Count);
        ledger = ledger.Append(earning);

        // The page may fill between the two entries; the platform entry then opens the next page.
        ledger = await _book.MakeRoomAsync(ledger);
        var share = new LedgerEntry(ledger.LastNo + 1, LedgerKind.PlatformShare, LedgerAccount.Platform, delivery.PlatformShare,
            delivery.SenderId, IdempotencyKey: null, delivery.TransferId, delivery.At, state.PlatformShare + delivery.PlatformShare,
            delivery.StreamId, delivery.Gift.Code, delivery.Count);
        ledger = ledger.Append(share);

        var previous = earnings.State;
        earnings.State = state with
        {
            Earnings = state.Earnings + delivery.CreatorShare,
            PlatformShare = state.PlatformShare + delivery.PlatformShare,
            Ledger = ledger,
            LastGift = new GiftInFlight(delivery.SenderId, delivery.SenderHandle, delivery.TransferNo, delivery.Tokens),
        };
        try
        {
            await earnings.WriteStateAsync();
        }
        catch (Exception ex)
        {
            earnings.State = previous;
            Fail(ex);
            throw;
        }

        // A crash before this write is finished by the next activation; a failure, by the next call.
        await SettleLastGiftAsync();

        await GrainFactory.Get<IProgressionGrain>(UserId).TrackCreatorAsync(new CreatorActivity(TokensReceived: delivery.Tokens));
        await GrainFactory.Get<ILeaderboardRecorderGrain>(0).RecordAsync(BoardCategories.CreatorTokens, UserId, delivery.Tokens);
    }

    public Task<long> GetEarningsAsync() => Task.FromResult(earnings.State.Earnings);

    public Task<LedgerPage> GetLedgerAsync(int limit, long? before) => _book.ReadAsync(earnings.State.Ledger, limit, before);

    public async Task<LedgerAudit> AuditAsync()
    {
        var entries = await _book.AllAsync(earnings.State.Ledger);
        var numbered = entries.Select((e, i) => e.No == i + 1).All(x => x);
        var earned = entries.Where(e => e.Account == LedgerAccount.Earnings).Sum(e => e.Amount);
        var platform = entries.Where(e => e.Account == LedgerAccount.Platform).Sum(e => e.Amount);
        return new LedgerAudit(UserId, 0, earnings.State.Earnings, earnings.State.PlatformShare, 0,
            numbered ? earned : long.MinValue, numbered ? platform : long.MinValue, 0, 0, 0, entries.Count);
    }

    /// <summary>Writes the last gift's sender tally if the ledger has it and the tally does not yet.</summary>
    private async Task SettleLastGiftAsync()
    {
        if (earnings.State.LastGift is not { } gift || _senders.HasApplied(gift.SenderId, gift.TransferNo))
        {
            return;
        }

        try
        {
            await _senders.RecordAsync(gift.SenderId, gift.Handle, gift.TransferNo, gift.Tokens);
        }
        catch (Exception ex)
        {
            Fail(ex);
            throw;
        }
    }

    private void Fail(Exception ex)
    {
        if (ex is InconsistentStateException)
        {
            DeactivateOnIdle();
        }

        LogWriteFailed(logger, ex, UserId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Earnings {UserId}: writing state failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string userId);
}
