using LiveStreamX.LoadTest.Metrics;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>A load shape driven through an Orleans client: one grain call per operation, no web layer.</summary>
internal interface IEngineScenario
{
    /// <summary>What one completed operation is, for the report ("gift transfers", "grain calls").</summary>
    string Unit { get; }

    int Streams { get; }

    int Senders { get; }

    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="k"/>-th call of worker <paramref name="worker"/>; workers never share a grain at once.</summary>
    Task CallAsync(int worker, long k);

    Task<GiftCheck?> CheckAsync();
}
