using LiveStreamX.Common;
using LiveStreamX.Gifts;
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
    ILogger<EarningsGrain> logger) : Grain, IEarningsGrain
{
    private LedgerBook _book = null!;

    private string UserId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new LedgerBook(GrainFactory, "earnings", UserId, options.Value.LedgerPageSize);
        return Task.CompletedTask;
    }

    public async Task ReceiveAsync(GiftDelivery delivery)
    {
        if (delivery.CreatorId != UserId)
        {
            throw DomainException.InvalidInput("creatorId", "This delivery is for another creator.");
        }

        var state = earnings.State;
        if (state.Applied.TryGetValue(delivery.SenderId, out var applied) && applied >= delivery.TransferNo)
        {
            return;
        }

        if (state.Ledger.LastNo == 0 && state.Applied.Count == 0)
        {
            await GrainFactory.GetGrain<IWalletRegistryGrain>(WalletRegistry.ShardOf(UserId)).RegisterAsync(UserId);
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

        var applies = new Dictionary<string, long>(state.Applied) { [delivery.SenderId] = delivery.TransferNo };
        var previous = earnings.State;
        earnings.State = state with
        {
            Earnings = state.Earnings + delivery.CreatorShare,
            PlatformShare = state.PlatformShare + delivery.PlatformShare,
            Ledger = ledger,
            Applied = applies,
        };
        try
        {
            await earnings.WriteStateAsync();
        }
        catch (Exception ex)
        {
            earnings.State = previous;
            if (ex is InconsistentStateException)
            {
                DeactivateOnIdle();
            }

            LogWriteFailed(logger, ex, UserId);
            throw;
        }

        await GrainFactory.GetGrain<IProgressionGrain>(UserId).TrackCreatorAsync(new CreatorActivity(TokensReceived: delivery.Tokens));
        await GrainFactory.GetGrain<ILeaderboardRecorderGrain>(0).RecordAsync(BoardCategories.CreatorTokens, UserId, delivery.Tokens);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Earnings {UserId}: writing state failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, string userId);
}
