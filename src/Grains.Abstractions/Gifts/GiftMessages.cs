namespace LiveStreamX.Gifts;

/// <summary>A viewer's request to send <see cref="Count"/> of a gift to a stream.</summary>
[GenerateSerializer, Immutable, Alias("lsx.SendGift")]
public sealed record SendGift(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string GiftCode,
    [property: Id(2)] int Count,
    [property: Id(3)] string IdempotencyKey);

/// <summary>What the sender gets back; a retry with the same key gets the same receipt.</summary>
[GenerateSerializer, Immutable, Alias("lsx.GiftReceipt")]
public sealed record GiftReceipt(
    [property: Id(0)] string TransferId,
    [property: Id(1)] string StreamId,
    [property: Id(2)] string GiftCode,
    [property: Id(3)] int Count,
    [property: Id(4)] long Tokens,
    [property: Id(5)] long Balance,
    [property: Id(6)] bool Duplicate);

/// <summary>
/// A debited gift on its way to the creator's earnings and the stream. Both receivers apply it once:
/// transfers from one sender arrive in <see cref="TransferNo"/> order and each receiver keeps the highest seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.GiftDelivery")]
public sealed record GiftDelivery(
    [property: Id(0)] string SenderId,
    [property: Id(1)] string SenderHandle,
    [property: Id(2)] long TransferNo,
    [property: Id(3)] string StreamId,
    [property: Id(4)] string CreatorId,
    [property: Id(5)] Gift Gift,
    [property: Id(6)] int Count,
    [property: Id(7)] long Tokens,
    [property: Id(8)] long CreatorShare,
    [property: Id(9)] long PlatformShare,
    [property: Id(10)] DateTimeOffset At)
{
    public string TransferId => TransferIds.Format(SenderId, TransferNo);

    /// <summary>
    /// The W3C <c>traceparent</c> of the send: the stream's <c>gift:received</c> links to the gift's trace even when
    /// the delivery runs later, from another call's group commit or the outbox's retry.
    /// </summary>
    [Id(11)]
    public string? TraceParent { get; init; }
}

/// <summary>Transfer ids: the sender's user id and the number of its debit entry.</summary>
public static class TransferIds
{
    public static string Format(string senderId, long transferNo) => $"{senderId}:{transferNo}";
}
