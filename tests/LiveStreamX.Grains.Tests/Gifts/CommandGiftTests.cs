using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Streams;
using LiveStreamX.Testing;
using LiveStreamX.Users;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Tests.Gifts;

[Collection(ClusterCollection.Name)]
public sealed class CommandGiftTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AMappedGiftTriggersItsOverlayActionWithItsParams()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        await stream.SetCommandGiftsAsync(creator, Config(("heart", "theme-flash", """{"color":"#00FF88","durationMs":1500}"""))).WithTimeout();
        var events = await SubscribeAsync(stream);

        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Send(viewer, stream, "heart");

        var trigger = Assert.IsType<OverlayTriggered>(await events.WaitAsync(e => e is OverlayTriggered));
        await events.WaitThroughAsync(trigger.Seq);
        Assert.Equal("theme-flash", trigger.Action);
        Assert.Equal("#00ff88", trigger.Params.GetProperty("color").GetString());
        Assert.Equal(1500, trigger.Params.GetProperty("durationMs").GetInt32());
        Assert.Equal(viewer.Handle, trigger.By.Handle);
        Assert.Equal("heart", trigger.GiftCode);
        Assert.True(trigger.Seq > events.All.OfType<GiftReceived>().Single().Seq);
    }

    [Fact]
    public async Task AGiftWithADefaultActionRunsItWithoutAMapping()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var events = await SubscribeAsync(stream);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        await Send(viewer, stream, "party");

        var trigger = Assert.IsType<OverlayTriggered>(await events.WaitAsync(e => e is OverlayTriggered));
        Assert.Equal("confetti", trigger.Action);
    }

    [Fact]
    public async Task GiftsInsideACooldownQueueAndFireInOrderWhenItEnds()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        await stream.SetCommandGiftsAsync(creator, Config(
            [("heart", "spotlight-message", """{"text":"one"}"""), ("coffee", "spotlight-message", """{"text":"two"}"""), ("rose", "confetti", "{}")],
            new Dictionary<string, int> { ["spotlight-message"] = 30 })).WithTimeout();
        var events = await SubscribeAsync(stream);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);

        await Send(viewer, stream, "heart");
        await Send(viewer, stream, "coffee");
        await Send(viewer, stream, "rose");

        // The confetti is not held up by the spotlight's cooldown; the second spotlight waits for it.
        var confetti = await events.WaitAsync(e => e is OverlayTriggered { Action: "confetti" });
        await events.WaitThroughAsync(confetti.Seq);
        Assert.Equal(["one"], Spotlights(events));

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await Send(viewer, stream, "rose");
        var two = await events.WaitAsync(e => e is OverlayTriggered t && t.Action == "spotlight-message" && t.Params.GetProperty("text").GetString() == "two");
        await events.WaitThroughAsync(two.Seq);
        Assert.Equal(["one", "two"], Spotlights(events));
    }

    [Theory]
    [InlineData("rose", "explode", "{}", "mappings[0].action")]
    [InlineData("rose", "theme-flash", """{"color":"red"}""", "mappings[0].params.color")]
    [InlineData("rose", "theme-flash", "{}", "mappings[0].params.color")]
    [InlineData("rose", "confetti", """{"colour":"#ffffff"}""", "mappings[0].params.colour")]
    [InlineData("rose", "confetti", """{"intensity":9}""", "mappings[0].params.intensity")]
    [InlineData("rose", "sound-effect", """{"sound":"<script>"}""", "mappings[0].params.sound")]
    [InlineData("rose", "spin-wheel", """{"segments":["only one"]}""", "mappings[0].params.segments")]
    [InlineData("nope", "confetti", "{}", "mappings[0].giftCode")]
    public async Task AnUnknownActionOrParameterIsRejectedWithItsField(string gift, string action, string parameters, string field)
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.SetCommandGiftsAsync(creator, Config((gift, action, parameters))).WithTimeout());
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
        Assert.Contains(field, error.Errors!.Keys);
        Assert.Empty((await stream.GetCommandGiftsAsync()).Mappings);
    }

    [Fact]
    public async Task ACooldownOutOfRangeOrForAnUnknownActionIsRejected()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.SetCommandGiftsAsync(creator,
            Config([], new Dictionary<string, int> { ["confetti"] = 99999, ["explode"] = 1 })).WithTimeout());
        Assert.Equal(["cooldowns.confetti", "cooldowns.explode"], error.Errors!.Keys.Order());
    }

    [Fact]
    public async Task OnlyTheCreatorMapsCommandGifts()
    {
        var (stream, _) = await Actors.StreamAsync(Grains);
        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var error = await Assert.ThrowsAsync<DomainException>(() => stream.SetCommandGiftsAsync(viewer, Config(("rose", "confetti", "{}"))).WithTimeout());
        Assert.Equal(ErrorCodes.Forbidden, error.Code);
    }

    [Fact]
    public async Task TheSpinWheelOutcomeIsCommittedBeforeAndVerifiableAfter()
    {
        var (stream, creator) = await Actors.StreamAsync(Grains);
        await stream.SetCommandGiftsAsync(creator, Config(("heart", "spin-wheel", """{"segments":["a","b","c","d","e"]}"""))).WithTimeout();
        var before = await stream.GetWheelAsync();
        Assert.NotNull(before.SeedHash);
        var events = await SubscribeAsync(stream);

        var viewer = await Actors.RegisterAsync(Grains, Role.Viewer);
        var receipt = await Send(viewer, stream, "heart");

        var result = Assert.IsType<WheelRevealed>(await events.WaitAsync(e => e is WheelRevealed));
        await events.WaitThroughAsync(result.Seq);
        var trigger = events.All.OfType<OverlayTriggered>().Single();
        Assert.Equal(before.RoundId, result.RoundId);
        Assert.Equal(before.SeedHash, result.SeedHash);
        Assert.Equal(SpinWheel.HashOf(result.Seed), result.SeedHash);
        Assert.Equal(receipt.TransferId, result.GiftEventId);
        Assert.Equal(SpinWheel.Outcome(result.Seed, receipt.TransferId, 5), result.SegmentIndex);
        Assert.Equal(result.SegmentIndex, trigger.Params.GetProperty("segmentIndex").GetInt32());
        Assert.Equal(before.SeedHash, trigger.Params.GetProperty("seedHash").GetString());

        // The next round is committed with a new seed.
        var next = Assert.IsType<WheelCommitted>(await events.WaitAsync(e => e is WheelCommitted w && w.RoundId > before.RoundId));
        Assert.Equal(before.RoundId + 1, next.RoundId);
        Assert.NotEqual(before.SeedHash, next.SeedHash);
        Assert.Equal(result.RoundId, Assert.Single((await stream.GetWheelAsync()).Revealed).RoundId);
    }

    [Fact]
    public void TheWheelOutcomeMatchesAKnownVector()
    {
        // The same vector is checked by the web client's verify view (src/Web).
        var seed = string.Concat(Enumerable.Repeat("00", 32));
        Assert.Equal("60e05bd1b195af2f94112fa7197a5c88289058840ce7c6df9693756bc6250f55", SpinWheel.HashOf(seed));
        Assert.InRange(SpinWheel.Outcome(seed, "u_x:1", 4), 0, 3);
        Assert.Equal(SpinWheel.Outcome(seed, "u_x:1", 4), SpinWheel.Outcome(seed, "u_x:1", 4));
    }

    private static List<string?> Spotlights(EventProbe events) =>
        [.. events.All.OfType<OverlayTriggered>().Where(t => t.Action == "spotlight-message").Select(t => t.Params.GetProperty("text").GetString())];

    private async Task<GiftReceipt> Send(Actor viewer, IStreamGrain stream, string gift) =>
        await Grains.GetGrain<IWalletGrain>(viewer.UserId).SendGiftAsync(new SendGift(stream.GetPrimaryKeyString(), gift, 1, Actors.Key())).WithTimeout();

    private static CommandGiftConfig Config(params (string Gift, string Action, string Params)[] mappings) =>
        Config(mappings, new Dictionary<string, int>());

    private static CommandGiftConfig Config((string Gift, string Action, string Params)[] mappings, Dictionary<string, int> cooldowns) =>
        new([.. mappings.Select(m => new CommandMapping(m.Gift, m.Action, m.Params))], cooldowns);

    private Task<EventProbe> SubscribeAsync(IStreamGrain stream) => EventProbe.SubscribeAsync(fixture.Client, stream.GetPrimaryKeyString());
}
