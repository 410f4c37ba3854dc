using LiveStreamX.Gifts;
using LiveStreamX.Mood;
using LiveStreamX.Wallets;

namespace LiveStreamX.Grains.Observability;

/// <summary>Counts gifts, ledger verifications and aggregated reactions from the calls that carry them.</summary>
internal sealed class GrainMetricsFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        switch (context.Result)
        {
            case GiftReceipt receipt:
                GrainMetrics.GiftSent(receipt);
                break;
            case LedgerVerification verification:
                GrainMetrics.LedgerVerified(verification);
                break;
            case null when context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is MoodBatch batch:
                GrainMetrics.ReactionsAggregated(batch);
                break;
        }
    }
}
