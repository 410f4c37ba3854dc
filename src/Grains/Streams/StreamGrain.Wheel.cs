
using System.Text.Json.Nodes;
using LiveStreamX.Gifts;

namespace LiveStreamX.Grains.Streams;

public sealed partial class StreamGrain
{
    private const string SpinWheelAction = "spin-wheel";

    /// <summary>Commits a round if none is open: its seed's hash goes out before any gift can spin it.</summary>
    private async Task EnsureWheelRoundAsync()
    {
        if (_commands.State.Wheel is null)
        {
            await CommitWheelRoundAsync(1, _commands.State.CommandQueue);
        }
    }

    private async Task CommitWheelRoundAsync(long roundId, PendingTrigger[] queue)
    {
        var seed = SpinWheel.NewSeed();
        var round = new WheelRound(roundId, seed, SpinWheel.HashOf(seed));
        await PublishAsync(
            new WheelCommitted { StreamId = Id, RoundId = round.RoundId, SeedHash = round.SeedHash },
            _ => _commands.CommitAsync(_commands.State with { Wheel = round, CommandQueue = queue }));
    }

    /// <summary>Spins the open round for a gift, reveals its seed, and commits the next round.</summary>
    private async Task SpinAsync(PendingTrigger trigger, PendingTrigger[] remaining)
    {
        await EnsureWheelRoundAsync();
        var round = _commands.State.Wheel!;
        var parameters = JsonNode.Parse(trigger.ParamsJson)!.AsObject();
        var segments = parameters["segments"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var index = SpinWheel.Outcome(round.Seed, trigger.GiftEventId, segments.Count);

        parameters["roundId"] = round.RoundId;
        parameters["seedHash"] = round.SeedHash;
        parameters["giftEventId"] = trigger.GiftEventId;
        parameters["segmentIndex"] = index;
        await PublishAsync(Triggered(trigger, parameters.ToJsonString()), _ => _commands.CommitAsync(_commands.State with { CommandQueue = remaining }));

        var revealed = new WheelRevealed
        {
            StreamId = Id,
            RoundId = round.RoundId,
            Seed = round.Seed,
            SeedHash = round.SeedHash,
            GiftEventId = trigger.GiftEventId,
            Segments = segments,
            SegmentIndex = index,
        };
        await PublishAsync(revealed, e => _commands.CommitAsync(_commands.State with { RevealedRounds = [e, .. _commands.State.RevealedRounds.Take(RevealedRoundsKept - 1)] }));
        await CommitWheelRoundAsync(round.RoundId + 1, _commands.State.CommandQueue);
    }
}
