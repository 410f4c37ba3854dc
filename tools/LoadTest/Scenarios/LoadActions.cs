using System.Collections.Concurrent;
using System.Globalization;
using LiveStreamX.LoadTest.Metrics;
using LiveStreamX.LoadTest.Transport;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>The load's actions, chat, gift and reaction: each sent once, acknowledged or counted as an error by its code.</summary>
internal sealed class LoadActions(RunMetrics metrics, GiftBook gifts, ServerApi api, string runId, string giftCode, int taps)
{
    private readonly ConcurrentDictionary<string, long> _giftTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _reactions = new(StringComparer.Ordinal);

    public async Task ChatAsync(Sender sender, long n, long intendedMicros, CancellationToken cancellationToken)
    {
        metrics.Sending();
        using var timeout = CallTimeout(cancellationToken);
        try
        {
            await sender.Connection.SendChatAsync(sender.StreamId, ChatText.Format(intendedMicros, sender.Index, n), timeout.Token);
            metrics.AcceptedAt(intendedMicros);
        }
        catch (LiveCallException e)
        {
            metrics.Error(e.Code);
        }
    }

    /// <summary>Sends one gift; an <c>unavailable</c> or timed-out send is retried once with the same idempotency key.</summary>
    public async Task GiftAsync(Sender sender, long n, long intendedMicros, CancellationToken cancellationToken)
    {
        metrics.Sending();
        var order = new GiftOrder(sender.StreamId, giftCode, 1, string.Create(CultureInfo.InvariantCulture, $"{runId}-{n}"));
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CallTimeout(cancellationToken);
            try
            {
                var ack = await sender.Connection.SendGiftAsync(order, timeout.Token);
                gifts.Accepted(ack.TransferId, sender.StreamId, intendedMicros);
                _giftTokens.AddOrUpdate(sender.StreamId, ack.Tokens, (_, t) => t + ack.Tokens);
                sender.Spend(ack.Tokens);
                metrics.AcceptedAt(intendedMicros);
                return;
            }
            catch (LiveCallException e) when (attempt == 0 && e.Code is "unavailable" or "timeout")
            {
                metrics.Retry();
            }
            catch (LiveCallException e)
            {
                metrics.Error(e.Code);
                return;
            }
        }
    }

    /// <summary>
    /// Sends one <c>mood:react</c> of <c>--taps</c> reactions. Reactions are added up on the server, so no event
    /// carries one back: its latency is the acknowledgement's. A message the server dropped (over the user's limit)
    /// counts as the error <c>dropped</c>.
    /// </summary>
    public async Task ReactAsync(Sender sender, long n, long intendedMicros, CancellationToken cancellationToken)
    {
        metrics.Sending();
        using var timeout = CallTimeout(cancellationToken);
        try
        {
            if (await sender.Connection.ReactAsync(sender.StreamId, Reactions.MoodOf(n), taps, timeout.Token))
            {
                _reactions.AddOrUpdate(sender.StreamId, taps, (_, c) => c + taps);
                metrics.AcceptedAt(intendedMicros);
                metrics.Latent(intendedMicros, LoadClock.NowMicros());
            }
            else
            {
                metrics.Error("dropped");
            }
        }
        catch (LiveCallException e)
        {
            metrics.Error(e.Code);
        }
    }

    /// <summary>
    /// Waits (bounded) until each stream's exact reaction total reaches what was acknowledged (nodes send reactions on
    /// in short batches), then compares.
    /// </summary>
    public async Task<ReactionCheck?> CheckReactionsAsync(IReadOnlyList<string> streams, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_reactions.IsEmpty)
        {
            return null;
        }

        var deadline = LoadClock.NowMicros() + (long)timeout.TotalMicroseconds;
        var accepted = _reactions.Values.Sum();
        while (true)
        {
            var counted = 0L;
            var behind = false;
            foreach (var stream in streams)
            {
                var total = await api.ReactionTotalAsync(stream, cancellationToken);
                counted += total;
                behind |= total < _reactions.GetValueOrDefault(stream);
            }

            if (!behind || LoadClock.NowMicros() >= deadline)
            {
                return new ReactionCheck(accepted, counted, Math.Max(0, accepted - counted), Math.Max(0, counted - accepted));
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Reads each sender's balance before the load, to check afterwards that it dropped by exactly what it sent.</summary>
    public Task RecordBalancesAsync(IReadOnlyList<Sender> senders, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(senders, Limited(cancellationToken), async (sender, ct) => sender.BalanceBefore = await api.BalanceAsync(sender.User, ct));

    /// <summary>Compares the server's gift totals and balances with what the senders were told.</summary>
    public async Task<GiftCheck> CheckGiftsAsync(IReadOnlyList<string> streams, IReadOnlyList<Sender> senders, CancellationToken cancellationToken)
    {
        var totals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(streams, Limited(cancellationToken), async (stream, ct) => totals[stream] = await api.GiftTotalAsync(stream, ct));
        var mismatches = 0;
        await Parallel.ForEachAsync(senders.Where(s => s.BalanceBefore is not null), Limited(cancellationToken), async (sender, ct) =>
        {
            if (await api.BalanceAsync(sender.User, ct) != sender.BalanceBefore - sender.Spent)
            {
                Interlocked.Increment(ref mismatches);
            }
        });
        var expected = streams.ToDictionary(s => s, s => _giftTokens.GetValueOrDefault(s), StringComparer.Ordinal);
        return gifts.Check(totals, expected, mismatches);
    }

    private static CancellationTokenSource CallTimeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Audience.CallTimeout);
        return timeout;
    }

    private static ParallelOptions Limited(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
}
