using System.Text.Json;
using System.Text.Json.Serialization;
using LiveStreamX.Streams;

namespace LiveStreamX.Gifts;

/// <summary>Who did something, as viewers see them.</summary>
[GenerateSerializer, Immutable, Alias("lsx.UserRef")]
public sealed record UserRef([property: Id(0)] string UserId, [property: Id(1)] string Handle);

/// <summary>A gift as viewers see it.</summary>
[GenerateSerializer, Immutable, Alias("lsx.GiftRef")]
public sealed record GiftRef(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string AnimationKey,
    [property: Id(3)] Rarity Rarity);

/// <summary>A gift arrived; the same sender and gift within 3 s continue one combo.</summary>
[GenerateSerializer, Immutable, Alias("lsx.GiftReceived")]
public sealed record GiftReceived : StreamEvent
{
    public override string Type => EventNames.GiftReceived;

    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required UserRef From { get; init; }

    [Id(2)] public required GiftRef Gift { get; init; }

    [Id(3)] public required int Count { get; init; }

    [Id(4)] public required long Tokens { get; init; }

    [Id(5)] public required string ComboId { get; init; }

    [Id(6)] public required int Combo { get; init; }

    [Id(7)] public required long StreamTotal { get; init; }
}

/// <summary>A command gift runs an overlay action on every viewer's screen.</summary>
[GenerateSerializer, Immutable, Alias("lsx.OverlayTriggered")]
public sealed record OverlayTriggered : StreamEvent
{
    public override string Type => EventNames.OverlayTrigger;

    [Id(0)] public required string TriggerId { get; init; }

    [Id(1)] public required string Action { get; init; }

    /// <summary>The action's parameters as a JSON object (validated against the action's schema).</summary>
    [Id(2), JsonIgnore] public string ParamsJson { get; init; } = "{}";

    [Id(3)] public required UserRef By { get; init; }

    [Id(4)] public required string GiftCode { get; init; }

    /// <summary>How many gifts this trigger stands for: more than one when a full queue folded triggers together.</summary>
    [Id(5)] public int Repeat { get; init; } = 1;

    [JsonPropertyName("params")]
    public JsonElement Params => JsonDocument.Parse(string.IsNullOrEmpty(ParamsJson) ? "{}" : ParamsJson).RootElement;
}

/// <summary>The hash of the next spin-wheel round's seed, published before the round.</summary>
[GenerateSerializer, Immutable, Alias("lsx.WheelCommitted")]
public sealed record WheelCommitted : StreamEvent
{
    public override string Type => EventNames.WheelCommit;

    [Id(0)] public required long RoundId { get; init; }

    [Id(1)] public required string SeedHash { get; init; }
}

/// <summary>A spin-wheel round's seed, revealed after the round so anyone can check the outcome.</summary>
[GenerateSerializer, Immutable, Alias("lsx.WheelRevealed")]
public sealed record WheelRevealed : StreamEvent
{
    public override string Type => EventNames.WheelResult;

    [Id(0)] public required long RoundId { get; init; }

    [Id(1)] public required string Seed { get; init; }

    [Id(2)] public required string SeedHash { get; init; }

    [Id(3)] public required string GiftEventId { get; init; }

    [Id(4)] public required IReadOnlyList<string> Segments { get; init; }

    [Id(5)] public required int SegmentIndex { get; init; }
}

/// <summary>A stream's gift totals and its top gifters.</summary>
[GenerateSerializer, Immutable, Alias("lsx.GiftStats")]
public sealed record GiftStats(
    [property: Id(0)] long TotalTokens,
    [property: Id(1)] IReadOnlyList<TopGifter> TopGifters);

/// <summary>One of a stream's top gifters.</summary>
[GenerateSerializer, Immutable, Alias("lsx.TopGifter")]
public sealed record TopGifter([property: Id(0)] string UserId, [property: Id(1)] string Handle, [property: Id(2)] long Tokens);

/// <summary>The spin wheel's open commitment and its revealed rounds, newest first.</summary>
[GenerateSerializer, Immutable, Alias("lsx.WheelHistory")]
public sealed record WheelHistory(
    [property: Id(0)] long? RoundId,
    [property: Id(1)] string? SeedHash,
    [property: Id(2)] IReadOnlyList<WheelRevealed> Revealed);
