namespace LiveStreamX.Grains.Gifts;

/// <summary>One sender's gifts to one receiver: the highest transfer number applied and the tokens so far.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SenderTally")]
public sealed record SenderTally([property: Id(0)] long TransferNo, [property: Id(1)] long Tokens, [property: Id(2)] string Handle);

/// <summary>One bucket of a receiver's sender tallies: the senders whose id hashes to it.</summary>
[GenerateSerializer, Alias("lsx.SenderTallyBucketState")]
public sealed record SenderTallyBucketState
{
    [Id(0)] public Dictionary<string, SenderTally> Senders { get; init; } = [];
}

/// <summary>
/// A gift written to the receiver's own state but not yet to its sender's bucket: the receiver's state records it
/// before the bucket, so after a crash between the two writes the next activation finishes it (and no repeat of
/// the delivery applies it twice).
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.GiftInFlight")]
public sealed record GiftInFlight(
    [property: Id(0)] string SenderId,
    [property: Id(1)] string Handle,
    [property: Id(2)] long TransferNo,
    [property: Id(3)] long Tokens);
