using LiveStreamX.LoadTest.Scenarios;

namespace LiveStreamX.LoadTest.Engine;

/// <summary>A load shape driven through an Orleans client: one grain call per operation, no web layer.</summary>
internal interface IEngineScenario
{
    /// <summary>What the report counts ("gift transfers", "grain calls", "reactions").</summary>
    string Unit { get; }

    /// <summary>How many of <see cref="Unit"/> one completed call counts (a batch of reactions counts all of them).</summary>
    int UnitsPerCall { get; }

    int Streams { get; }

    int Senders { get; }

    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="k"/>-th call of worker <paramref name="worker"/>. Gifts and grain calls: workers never share
    /// a grain at once; reaction batches: several workers feed one stream's mood, as several Api nodes do.
    /// </summary>
    Task CallAsync(int worker, long k);

    /// <summary>After the run: what the grains hold against what their calls acknowledged.</summary>
    Task<RunChecks> CheckAsync();
}
