using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Grains.Leaderboards;
using LiveStreamX.Leaderboards;
using LiveStreamX.Progression;
using LiveStreamX.Streams;
using LiveStreamX.Users;
using LiveStreamX.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace LiveStreamX.Grains.Wallets;

/// <summary>
/// A user's spendable tokens. A gift is a durable two-step transfer: the debit and an outbox entry are written
/// together (one write, guarded by the storage ETag), then the outbox is delivered to the creator's earnings and
/// the stream, which apply each transfer once. Undelivered entries are retried on activation and by a reminder.
/// </summary>
// Reentrant, for group commit: a debit's checks (key, limits, balance) and its ledger entry happen in one turn,
// before any await, so two debits never interleave between check and spend; debits made while a write is in flight
// share the next write. One loop delivers the outbox, in order and only what is written. Receivers (earnings,
// streams) never call a wallet back, so a wallet awaiting them cannot deadlock.
[Reentrant]
public sealed partial class WalletGrain(
    [PersistentState("wallet", StorageNames.Default)] IPersistentState<WalletState> wallet,
    IOptions<WalletOptions> options,
    GiftCatalogCache catalog,
    LeaderboardScoreBuffer scores,
    IGrainContext grainContext,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<WalletGrain> logger) : Grain, IWalletGrain, IRemindable
{
    private const string OutboxReminder = "outbox";
    private const string StarterKey = "starter";
    private const int RecentPagesIndexed = 3;

    private readonly WalletOptions _options = options.Value;
    private readonly StoredState<WalletState> _wallet = new(
        grainContext, wallet, "wallet", logger, "The wallet could not be saved; retry with the same idempotency key.");

    private readonly Dictionary<string, LedgerEntry> _byKey = [];
    private LedgerBook _book = null!;
    private TokenBucketRateLimiter? _giftRate;
    private TokenBucketRateLimiter? _tokenRate;
    private bool _reminderRegistered;
    private Task? _opening;
    private Task _reminderChange = Task.CompletedTask;
    private Task _delivering = Task.CompletedTask;

    // The highest ledger number known written: the outbox is delivered up to it, never an entry still in flight.
    private long _writtenNo;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new LedgerBook(GrainFactory, "wallet", UserId, _options.LedgerPageSize);

        // Retries are recognised while their key is among the last pages of the ledger (at least 3 pages).
        foreach (var entry in await _book.RecentAsync(_wallet.State.Ledger, RecentPagesIndexed))
        {
            Index(entry);
        }

        _writtenNo = _wallet.State.Ledger.LastNo;
        if (_wallet.State.Outbox.Length > 0)
        {
            _reminderRegistered = true;
            await DeliverOutboxAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _giftRate?.Dispose();
        _tokenRate?.Dispose();
        try
        {
            if (_wallet.State.Outbox.Length == 0 && _reminderRegistered)
            {
                await UnregisterOutboxReminderAsync();
            }

            // Persist deliveries acknowledged since the last write, so the next activation need not redo them.
            if (_wallet.State.Opened)
            {
                await _wallet.WriteNowAsync(cancellationToken);
            }
        }
        catch (Exception ex)
        {
            LogDeactivationFailed(logger, ex, UserId);
        }
    }

    public async Task<long> OpenAsync(string handle)
    {
        if (!_wallet.State.Opened)
        {
            // One opening at a time: a second call waits for the first (one starter grant).
            if (_opening is not { IsCompleted: false })
            {
                _opening = OpenOnceAsync(handle);
            }

            await _opening;
        }

        return _wallet.State.Balance;
    }

    public async Task<long> GetBalanceAsync()
    {
        await EnsureOpenAsync();
        return _wallet.State.Balance;
    }

    public async Task<GiftReceipt> SendGiftAsync(SendGift gift)
    {
        ValidateShape(gift);
        await EnsureOpenAsync();
        if (await EarlierAsync(gift.IdempotencyKey) is { } known)
        {
            return known;
        }

        var stream = await GrainFactory.Get<IStreamGrain>(gift.StreamId).GetAsync()
            ?? throw DomainException.NotFound($"There is no stream '{gift.StreamId}'.");
        if (stream.Status != StreamStatus.Live)
        {
            throw new DomainException(ErrorCodes.NotLive, "Gifts can be sent while the stream is live.");
        }

        if (stream.CreatorId == UserId)
        {
            throw DomainException.Forbidden("You cannot send gifts to your own stream.");
        }

        var catalogGift = await catalog.GetAsync(gift.GiftCode);
        if (catalogGift is not { Active: true })
        {
            throw DomainException.InvalidInput("giftCode", $"There is no gift '{gift.GiftCode}' to send.");
        }

        // The reminder is registered, with no removal pending, when the debit is entered, so a crash right after
        // the write still retries the delivery.
        do
        {
            await EnsureReminderAsync();
            await SealFullPagesAsync();
        }
        while (!_reminderRegistered || !_reminderChange.IsCompleted);

        // From here to the commit: one turn, no await. Another debit may have taken the key while this one awaited.
        if (_byKey.ContainsKey(gift.IdempotencyKey))
        {
            return (await EarlierAsync(gift.IdempotencyKey))!;
        }

        var tokens = (long)catalogGift.TokenCost * gift.Count;
        var state = _wallet.State;
        if (Standing() is { Frozen: true } frozen)
        {
            throw new DomainException(ErrorCodes.Frozen, frozen.FrozenReason == "dispute"
                ? "Gifting is frozen while a payment dispute is open."
                : $"Gifting is frozen: a refund took back tokens already spent (balance {state.Balance}); a purchase settles it.");
        }

        EnforceVelocity(tokens);
        if (state.Balance < tokens)
        {
            throw new DomainException(ErrorCodes.InsufficientFunds, $"This costs {tokens} tokens and the balance is {state.Balance}.");
        }

        var now = time.GetUtcNow();
        var no = state.Ledger.LastNo + 1;
        // Rounding favours the creator: the platform takes the whole tokens of its share.
        var platformShare = tokens * _options.PlatformSharePercent / 100;
        var delivery = new GiftDelivery(UserId, state.Handle, no, stream.Id, stream.CreatorId, catalogGift, gift.Count, tokens,
            tokens - platformShare, platformShare, now) { TraceParent = System.Diagnostics.Activity.Current?.Id };
        var entry = new LedgerEntry(no, LedgerKind.GiftDebit, LedgerAccount.Spendable, -tokens, stream.CreatorId, gift.IdempotencyKey,
            delivery.TransferId, now, state.Balance - tokens, stream.Id, catalogGift.Code, gift.Count);
        await CommitEntryAsync(entry, state with
        {
            Balance = state.Balance - tokens,
            Ledger = state.Ledger.Append(entry),
            Outbox = [.. state.Outbox, delivery],
        });

        // The debit is durable: from here the transfer completes, now or on a retry.
        await DeliverOutboxAsync();
        await GrainFactory.Get<IProgressionGrain>(UserId).TrackAsync(new XpActivity(XpSource.Gift, stream.Id, tokens));
        scores.Add(BoardCategories.Gifters, UserId, tokens);
        return ReceiptOf(entry, duplicate: false);
    }

    public async Task<long> GrantAsync(long amount, LedgerKind kind, string reason, string idempotencyKey)
    {
        if (amount is <= 0 or > 100_000_000 || kind is not (LedgerKind.Grant or LedgerKind.Purchase))
        {
            throw DomainException.InvalidInput("amount", "A grant is 1–100,000,000 tokens.");
        }

        if (!KeyPattern().IsMatch(idempotencyKey ?? string.Empty))
        {
            throw DomainException.InvalidInput("idempotencyKey", "An idempotency key is 8–64 letters, digits, '_' or '-'.");
        }

        await EnsureOpenAsync();
        await SealFullPagesAsync();
        if (_byKey.ContainsKey(idempotencyKey!))
        {
            await _wallet.WhenWrittenAsync();
            return _wallet.State.Balance;
        }

        var state = _wallet.State;
        var entry = new LedgerEntry(state.Ledger.LastNo + 1, kind, LedgerAccount.Spendable, amount, Counterparty: null, idempotencyKey,
            reason, time.GetUtcNow(), state.Balance + amount);
        await CommitEntryAsync(entry, state with { Balance = state.Balance + amount, Ledger = state.Ledger.Append(entry) });
        return _wallet.State.Balance;
    }

    public async Task<LedgerPage> GetLedgerAsync(int limit, long? before)
    {
        await EnsureOpenAsync();
        return await _book.ReadAsync(_wallet.State.Ledger, limit, before);
    }

    public async Task<LedgerAudit> AuditAsync()
    {
        // One snapshot: debits made while the archived pages are read do not skew the sums.
        var state = _wallet.State;
        var entries = await _book.AllAsync(state.Ledger);
        var spendable = entries.Where(e => e.Account == LedgerAccount.Spendable).Sum(e => e.Amount);
        var debits = -entries.Where(e => e.Kind == LedgerKind.GiftDebit).Sum(e => e.Amount);
        var refunds = entries.Where(e => e.Kind == LedgerKind.Refund).Sum(e => e.Amount);
        var created = entries.Where(e => e.Kind is LedgerKind.Grant or LedgerKind.Purchase or LedgerKind.PurchaseBonus).Sum(e => e.Amount);
        var reversed = -entries.Where(e => e.Kind == LedgerKind.PurchaseReversal).Sum(e => e.Amount);
        var numbered = entries.Select((e, i) => e.No == i + 1).All(x => x);
        return new LedgerAudit(UserId, state.Balance, 0, 0, numbered ? spendable : long.MinValue, 0, 0, debits, refunds,
            state.Outbox.Sum(d => d.Tokens), entries.Count, Created: created, Reversed: reversed);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await DeliverOutboxAsync();
        if (_wallet.State.Outbox.Length == 0)
        {
            await UnregisterOutboxReminderAsync();
        }
    }

    /// <summary>
    /// Delivers the outbox in order, up to the last written entry; stops at the first failure, which the reminder
    /// retries. One loop at a time: a call made while it runs waits for it, and it picks up what was added meanwhile.
    /// </summary>
    private Task DeliverOutboxAsync()
    {
        if (_delivering.IsCompleted)
        {
            _delivering = DeliverLoopAsync();
        }

        return _delivering;
    }

    private async Task DeliverLoopAsync()
    {
        while (_wallet.State.Outbox is [var delivery, ..] && delivery.TransferNo <= _writtenNo)
        {
            try
            {
                await GrainFactory.Get<IEarningsGrain>(delivery.CreatorId).ReceiveAsync(delivery);
                await GrainFactory.Get<IStreamGrain>(delivery.StreamId).RecordGiftAsync(delivery);
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(logger, ex, delivery.TransferId);
                return;
            }

            // Acknowledged in memory only: the next write persists it, and a redelivery after a crash is a no-op.
            _wallet.State = _wallet.State with { Outbox = [.. _wallet.State.Outbox.Where(d => d.TransferNo != delivery.TransferNo)] };
        }
    }

    /// <summary>The receipt of an earlier debit with this key, once that debit is written; null if the key is new.</summary>
    private async Task<GiftReceipt?> EarlierAsync(string key)
    {
        if (!_byKey.TryGetValue(key, out var earlier))
        {
            return null;
        }

        if (earlier.Kind != LedgerKind.GiftDebit)
        {
            throw new DomainException(ErrorCodes.Conflict, "This idempotency key was used for something else.") { Field = "idempotencyKey" };
        }

        // The original may still be in flight: a repeat is answered once it is written, and fails if it fails.
        await _wallet.WhenWrittenAsync();
        return ReceiptOf(earlier, duplicate: true);
    }

    /// <summary>Enters a ledger entry: its key is taken at once, given back if the write fails.</summary>
    private async Task CommitEntryAsync(LedgerEntry entry, WalletState next)
    {
        Index(entry);
        try
        {
            await _wallet.CommitAsync(next);
        }
        catch
        {
            if (entry.IdempotencyKey is { } key)
            {
                _byKey.Remove(key);
            }

            throw;
        }

        _writtenNo = Math.Max(_writtenNo, entry.No);
    }

    private Task SealFullPagesAsync() =>
        _book.SealFullPagesAsync(
            () => _wallet.State.Ledger,
            () => _wallet.Written.Ledger.LastNo,
            _wallet.WhenWrittenAsync,
            tail => _wallet.State = _wallet.State with { Ledger = tail });

    private async Task EnsureOpenAsync()
    {
        if (!_wallet.State.Opened)
        {
            var profile = await GrainFactory.Get<IUserGrain>(UserId).GetProfileAsync()
                ?? throw DomainException.Forbidden("Sign in first.");
            await OpenAsync(profile.Handle);
        }
    }

    private async Task OpenOnceAsync(string handle)
    {
        await GrainFactory.Get<IWalletRegistryGrain>(WalletRegistry.ShardOf(UserId)).RegisterAsync(UserId);
        var state = _wallet.State with { Opened = true, Handle = handle };
        if (_options.StarterGrant > 0)
        {
            var entry = new LedgerEntry(state.Ledger.LastNo + 1, LedgerKind.Grant, LedgerAccount.Spendable, _options.StarterGrant,
                Counterparty: null, StarterKey, Reference: "starter grant", time.GetUtcNow(), BalanceAfter: _options.StarterGrant);
            await CommitEntryAsync(entry, state with { Balance = state.Balance + entry.Amount, Ledger = state.Ledger.Append(entry) });
        }
        else
        {
            await _wallet.CommitAsync(state);
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (!_reminderRegistered || !_reminderChange.IsCompleted)
        {
            await ChangeReminderAsync(registered: true);
        }
    }

    private Task UnregisterOutboxReminderAsync() => ChangeReminderAsync(registered: false);

    // Changes to the reminder take turns: a debit that registers it while it is being removed ends registered.
    private Task ChangeReminderAsync(bool registered) => _reminderChange = ChangeReminderAfterAsync(_reminderChange, registered);

    private async Task ChangeReminderAfterAsync(Task previous, bool registered)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Its caller saw the failure; this change is tried anyway.
        }

        if (registered == _reminderRegistered)
        {
            return;
        }

        try
        {
            if (registered)
            {
                var period = TimeSpan.FromSeconds(_options.OutboxRetrySeconds);
                await this.RegisterOrUpdateReminder(OutboxReminder, period, period);
            }
            else if (await this.GetReminder(OutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            // The reminder store is down (its exceptions are no Orleans exceptions): nothing was debited, so the
            // caller retries with the same key.
            LogReminderFailed(logger, ex, UserId);
            throw new DomainException(ErrorCodes.Unavailable, "The wallet could not arm its retry; retry with the same idempotency key.", ex);
        }

        _reminderRegistered = registered;
    }

    private void EnforceVelocity(long tokens)
    {
        _giftRate ??= new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.GiftsPerSecond,
            TokensPerPeriod = _options.GiftsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        });
        _tokenRate ??= new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)Math.Min(int.MaxValue, _options.TokensPerMinute),
            TokensPerPeriod = (int)Math.Max(1, Math.Min(int.MaxValue, _options.TokensPerMinute / 60)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        });

        // Refilled here for the time since the last gift, rather than by a timer per wallet every second.
        _giftRate.TryReplenish();
        _tokenRate.TryReplenish();
        using var gifts = _giftRate.AttemptAcquire();
        var kind = !gifts.IsAcquired ? "gifts-per-second" : null;
        if (kind is null)
        {
            using var spend = tokens <= _options.TokensPerMinute ? _tokenRate.AttemptAcquire((int)tokens) : null;
            kind = spend is { IsAcquired: true } ? null : "tokens-per-minute";
        }

        if (kind is not null)
        {
            _wallet.State = _wallet.State with { AbuseSignals = _wallet.State.AbuseSignals + 1 };
            LogVelocity(logger, UserId, kind);
            GrainFactory.Get<IAbuseLogGrain>(0).RecordAsync(new AbuseSignal(UserId, kind, $"{tokens} tokens", time.GetUtcNow())).Ignore();
            throw new DomainException(ErrorCodes.RateLimited, kind == "gifts-per-second"
                ? $"Slow down: at most {_options.GiftsPerSecond} gifts per second."
                : $"Slow down: at most {_options.TokensPerMinute} tokens of gifts per minute.");
        }
    }

    private static void ValidateShape(SendGift gift)
    {
        StreamNames.RequireValidId(gift.StreamId);
        if (gift.Count is < 1 or > 100)
        {
            throw DomainException.InvalidInput("count", "A gift is sent 1–100 at a time.");
        }

        if (string.IsNullOrWhiteSpace(gift.GiftCode) || gift.GiftCode.Length > 32)
        {
            throw DomainException.InvalidInput("giftCode", "Name a gift of the catalog.");
        }

        if (!KeyPattern().IsMatch(gift.IdempotencyKey ?? string.Empty))
        {
            throw DomainException.InvalidInput("idempotencyKey", "An idempotency key is 8–64 letters, digits, '_' or '-'.");
        }
    }

    private void Index(LedgerEntry entry)
    {
        if (entry.IdempotencyKey is { } key)
        {
            _byKey[key] = entry;
        }
    }

    private GiftReceipt ReceiptOf(LedgerEntry debit, bool duplicate) =>
        new(debit.Reference!, debit.StreamId!, debit.GiftCode!, debit.Count, -debit.Amount, duplicate ? _wallet.State.Balance : debit.BalanceAfter, duplicate);

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex KeyPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering gift {TransferId} failed; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex, string transferId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abuse signal: user {UserId} hit the {Limit} limit")]
    private static partial void LogVelocity(ILogger logger, string userId, string limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {UserId}: changing the outbox reminder failed")]
    private static partial void LogReminderFailed(ILogger logger, Exception ex, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {UserId}: saving on deactivation failed")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception ex, string userId);
}
