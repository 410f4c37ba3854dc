namespace LiveStreamX.Wallets;

/// <summary>Money out: earnings set aside for payouts, exactly once per payout id.</summary>
public partial interface IEarningsGrain
{
    /// <summary>Earnings, what of them is still held (younger than <paramref name="hold"/>), withdrawable, in flight and paid out.</summary>
    [Alias("GetPayoutBalance")]
    Task<PayoutBalance> GetPayoutBalanceAsync(TimeSpan hold);

    /// <summary>Debits a payout from the withdrawable earnings, once per payout id (<c>insufficient_funds</c> above withdrawable).</summary>
    [Alias("ReservePayout")]
    Task<PayoutBalance> ReservePayoutAsync(PayoutReservation reservation);

    /// <summary>Ends a reserved payout: paid (out for good) or not (the amount returns to the earnings). A payout settled before changes nothing.</summary>
    [Alias("SettlePayout")]
    Task<PayoutBalance> SettlePayoutAsync(string payoutId, bool paid, TimeSpan hold);
}

/// <summary>A payout to set aside.</summary>
[GenerateSerializer, Immutable, Alias("lsx.PayoutReservation")]
public sealed record PayoutReservation(
    [property: Id(0)] string PayoutId,
    [property: Id(1)] long Amount,
    [property: Id(2)] TimeSpan Hold);

/// <summary>
/// A creator's earnings as payouts see them: <paramref name="Earnings"/> (not paid out, not in flight) =
/// <paramref name="Withdrawable"/> + <paramref name="Held"/> (earned within the holding period).
/// </summary>
[GenerateSerializer, Immutable, Alias("lsx.PayoutBalance")]
public sealed record PayoutBalance(
    [property: Id(0)] long Earnings,
    [property: Id(1)] long Held,
    [property: Id(2)] long Withdrawable,
    [property: Id(3)] long InFlight,
    [property: Id(4)] long PaidOut);
