using System.Diagnostics;
using System.Diagnostics.Metrics;
using LiveStreamX.Gifts;
using LiveStreamX.Mood;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Observability;

/// <summary>
/// The silo's product instruments, exported at <c>/metrics</c> beside Orleans' own. They are read off grain calls
/// by <see cref="GrainMetricsFilter"/>, so the grains themselves carry no metrics code.
/// </summary>
public static class GrainMetrics
{
    public const string MeterName = "LiveStreamX.Grains";

    // Static: grains are created by Orleans' activator and a second meter per silo in one process would only split
    // the same figures.
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Gifts = Meter.CreateCounter<long>("lsx.gifts", description: "Gifts sent (a duplicate of an earlier send is not counted).");
    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("lsx.gifts.tokens", unit: "{token}", description: "Tokens spent on gifts.");
    private static readonly Counter<long> Verifications = Meter.CreateCounter<long>("lsx.ledger.verifications", description: "Ledger verifications, by result (ok or failed).");
    private static readonly Counter<long> Reactions = Meter.CreateCounter<long>("lsx.mood.reactions", description: "Reactions the mood grains received, aggregated by the Api nodes, by mood.");

    private static readonly string[] MoodTags = [.. Enum.GetValues<MoodKind>().Select(m => m.ToString().ToLowerInvariant())];

    public static void GiftSent(GiftReceipt receipt)
    {
        if (!receipt.Duplicate)
        {
            Gifts.Add(receipt.Count);
            Tokens.Add(receipt.Tokens);
        }
    }

    public static void LedgerVerified(LedgerVerification verification) =>
        Verifications.Add(1, new KeyValuePair<string, object?>("result", verification.Ok ? "ok" : "failed"));

    public static void ReactionsAggregated(MoodBatch batch)
    {
        for (var i = 0; i < batch.Counts.Length && i < MoodTags.Length; i++)
        {
            if (batch.Counts[i] > 0)
            {
                Reactions.Add(batch.Counts[i], new TagList { { "mood", MoodTags[i] } });
            }
        }
    }
}
