using LiveStreamX.Common;
using LiveStreamX.Engagement;
using LiveStreamX.Gifts;
using LiveStreamX.Grains.Gifts;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const int TopGiftersShown = 10;
    private const int MaxQueuedPerAction = 50;
    private const int RevealedRoundsKept = 20;
    private static readonly TimeSpan ComboWindow = TimeSpan.FromSeconds(3);

    // Combos are a presentation detail: after a move to another silo the next gift starts a new one.
    private readonly Dictionary<(string Sender, string Gift), Combo> _combos = [];
    private readonly Dictionary<string, DateTimeOffset> _cooldownUntil = [];
    private IGrainTimer? _commandTimer;

    public async Task RecordGiftAsync(GiftDelivery delivery)
    {
        await SettleGiftInFlightAsync();
        if (_gifters.HasApplied(delivery.SenderId, delivery.TransferNo))
        {
            return;
        }

        var now = time.GetUtcNow();
        var key = (delivery.SenderId, delivery.Gift.Code);
        var combo = _combos.TryGetValue(key, out var running) && now - running.LastAt <= ComboWindow
            ? running with { Count = running.Count + delivery.Count, LastAt = now }
            : new Combo($"c_{delivery.SenderId}:{delivery.Gift.Code}:{delivery.TransferNo}", delivery.Count, now);
        _combos[key] = combo;

        var from = new UserRef(delivery.SenderId, delivery.SenderHandle);
        var trigger = TriggerFor(delivery, from);
        var received = new GiftReceived
        {
            StreamId = Id,
            TransferId = delivery.TransferId,
            From = from,
            Gift = new GiftRef(delivery.Gift.Code, delivery.Gift.Name, delivery.Gift.AnimationKey, delivery.Gift.Rarity),
            Count = delivery.Count,
            Tokens = delivery.Tokens,
            ComboId = combo.Id,
            Combo = combo.Count,
            StreamTotal = _gifters.Total + delivery.Tokens,
            TraceParent = delivery.TraceParent,
        };

        var gift = new GiftInFlight(delivery.SenderId, delivery.SenderHandle, delivery.TransferNo, delivery.Tokens);
        if (trigger is null)
        {
            // Most gifts: the sender's tally bucket is the one write, made once the event has its seq and before it
            // is sent. The tally marks the gift applied, so a wallet retry after a failed write (a version conflict
            // while two activations overlap in a drain) must find it applied only if the event went out too.
            await PublishAsync(received, _ => RecordTallyAsync(gift));
        }
        else
        {
            // The trigger is queued with the gift in flight in one write; the tally follows, and a crash between
            // the two is finished by the next activation (or the wallet's retry) without queueing it again.
            await PublishAsync(received, _ => _commands.CommitAsync(_commands.State with
            {
                CommandQueue = Enqueue(_commands.State.CommandQueue, trigger),
                GiftInFlight = gift,
            }));
            await SettleGiftInFlightAsync();
        }

        AddChallengeProgress(ChallengeKind.GiftTokens, delivery.Tokens);
        Count((tally, at) => tally.Gift(at, delivery.Count, delivery.Tokens, delivery.CreatorShare));
        ScheduleBoardUpdate();
        RecordSignal(_giftSpikes, delivery.Tokens);
        await RunCommandsAsync();
    }

    public async Task<CommandGiftConfig> SetCommandGiftsAsync(Actor actor, CommandGiftConfig config)
    {
        EnsureMayManage(actor, Info);
        var catalog = await GrainFactory.Get<IGiftCatalogGrain>(0).ListAsync();
        var (checkedConfig, errors) = CommandCatalog.Validate(
            [.. config.Mappings.Select(m => ((string?)m.GiftCode, (string?)m.Action, ParseParams(m.ParamsJson)))],
            config.Cooldowns,
            code => catalog.FirstOrDefault(g => g.Code == code));
        if (checkedConfig is null)
        {
            throw DomainException.InvalidInput(errors);
        }

        await _commands.CommitAsync(_commands.State with { Commands = checkedConfig });
        if (checkedConfig.Mappings.Any(m => m.Action == SpinWheelAction))
        {
            await EnsureWheelRoundAsync();
        }

        return checkedConfig;
    }

    public Task<CommandGiftConfig> GetCommandGiftsAsync() => Task.FromResult(_commands.State.Commands);

    public Task<WheelHistory> GetWheelAsync() =>
        Task.FromResult(new WheelHistory(_commands.State.Wheel?.RoundId, _commands.State.Wheel?.SeedHash, _commands.State.RevealedRounds));

    public Task<GiftStats> GetGiftStatsAsync() => Task.FromResult(GiftStatsNow());

    private GiftStats GiftStatsNow() =>
        new(_gifters.Total, [.. _gifters.Top(TopGiftersShown).Select(g => new TopGifter(g.UserId, g.Handle, g.Tokens))]);

    /// <summary>Writes the tally of a command gift whose trigger was queued, if that write has not happened yet.</summary>
    private async Task SettleGiftInFlightAsync()
    {
        if (_commands.State.GiftInFlight is { } gift && !_gifters.HasApplied(gift.SenderId, gift.TransferNo))
        {
            await RecordTallyAsync(gift);
        }
    }

    private Task RecordTallyAsync(GiftInFlight gift) => _gifters.RecordAsync(gift.SenderId, gift.Handle, gift.TransferNo, gift.Tokens);

    /// <summary>Moves gift figures stored before the sender tallies into them, once.</summary>
    private async Task MoveLegacyGiftFiguresAsync(CancellationToken cancellationToken)
    {
        var state = StreamStore.State;
        if (state.Gifters.Count == 0 && state.GiftsApplied.Count == 0)
        {
            return;
        }

        await _gifters.ImportAsync(state.Gifters.Keys.Union(state.GiftsApplied.Keys).Select(sender => (sender, new SenderTally(
            state.GiftsApplied.GetValueOrDefault(sender),
            state.Gifters.GetValueOrDefault(sender)?.Tokens ?? 0,
            state.Gifters.GetValueOrDefault(sender)?.Handle ?? sender))));
        StreamStore.State = state with { GiftTotal = 0, Gifters = [], GiftsApplied = [] };
        await StreamStore.WriteNowAsync(cancellationToken);
    }

    /// <summary>The action a gift runs here: the creator's mapping, else the gift's own default, else none.</summary>
    private PendingTrigger? TriggerFor(GiftDelivery delivery, UserRef from)
    {
        var mapping = _commands.State.Commands.Mappings.FirstOrDefault(m => m.GiftCode == delivery.Gift.Code);
        if (mapping is not null)
        {
            return new PendingTrigger(mapping.Action, mapping.ParamsJson, from, delivery.Gift.Code, delivery.TransferId);
        }

        return CommandCatalog.Find(delivery.Gift.CommandAction) is { } action
            ? new PendingTrigger(action.Action, action.DefaultParamsJson, from, delivery.Gift.Code, delivery.TransferId)
            : null;
    }

    // Each action queues up to 50 triggers; past that a trigger folds into the action's last queued one (its
    // Repeat grows), so a storm of gifts never grows state without bound and no gift's trigger is dropped.
    private static PendingTrigger[] Enqueue(PendingTrigger[] queue, PendingTrigger trigger)
    {
        if (queue.Count(t => t.Action == trigger.Action) < MaxQueuedPerAction)
        {
            return [.. queue, trigger];
        }

        var last = Array.FindLastIndex(queue, t => t.Action == trigger.Action);
        var folded = (PendingTrigger[])queue.Clone();
        folded[last] = folded[last] with { Repeat = folded[last].Repeat + trigger.Repeat };
        return folded;
    }

    /// <summary>Fires every queued trigger whose action is not cooling down, in order; waits for the rest.</summary>
    private async Task RunCommandsAsync()
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var queue = _commands.State.CommandQueue;
            var index = Array.FindIndex(queue, t => _cooldownUntil.GetValueOrDefault(t.Action) <= now);
            if (index < 0)
            {
                ScheduleCommandTimer(queue, now);
                return;
            }

            var trigger = queue[index];
            var remaining = queue.Where((_, i) => i != index).ToArray();
            var cooldown = _commands.State.Commands.Cooldowns.GetValueOrDefault(trigger.Action);
            _cooldownUntil[trigger.Action] = now.AddSeconds(cooldown);
            if (trigger.Action == SpinWheelAction)
            {
                await SpinAsync(trigger, remaining);
            }
            else
            {
                await PublishAsync(Triggered(trigger, trigger.ParamsJson), _ => _commands.CommitAsync(_commands.State with { CommandQueue = remaining }));
            }
        }
    }

    private void ScheduleCommandTimer(PendingTrigger[] queue, DateTimeOffset now)
    {
        _commandTimer?.Dispose();
        _commandTimer = null;
        if (queue.Length == 0)
        {
            return;
        }

        var due = queue.Min(t => _cooldownUntil.GetValueOrDefault(t.Action)) - now;
        _commandTimer = this.RegisterGrainTimer(
            _ => RunCommandsAsync(),
            new GrainTimerCreationOptions { DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    private OverlayTriggered Triggered(PendingTrigger trigger, string paramsJson) => new()
    {
        Repeat = trigger.Repeat,
        StreamId = Id,
        TriggerId = "t_" + Guid.NewGuid().ToString("N")[..16],
        Action = trigger.Action,
        ParamsJson = paramsJson,
        By = trigger.By,
        GiftCode = trigger.GiftCode,
    };

    private static System.Text.Json.JsonElement? ParseParams(string json)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(json).RootElement;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record Combo(string Id, int Count, DateTimeOffset LastAt);
}
