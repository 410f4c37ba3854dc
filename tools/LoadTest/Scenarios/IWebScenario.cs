using LiveStreamX.LoadTest.Cli;
using LiveStreamX.LoadTest.Metrics;

namespace LiveStreamX.LoadTest.Scenarios;

/// <summary>A load shape driven over real connections: it builds its audience, then acts on the open-loop schedule.</summary>
internal interface IWebScenario
{
    /// <summary>Actions per second; 0 holds the connections idle.</summary>
    double Rate { get; }

    /// <summary>What a reader of the report must know about this run (for example a share that could not be sent).</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>The streams the run watches (the drain reads their seq).</summary>
    IReadOnlyList<string> Streams { get; }

    /// <summary>Signs users in, starts streams and connects the audience.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The n-th action, due at <paramref name="intendedMicros"/>.</summary>
    Task ActAsync(long n, long intendedMicros, CancellationToken cancellationToken);

    /// <summary>Once a second while the load runs (churn).</summary>
    Task EverySecondAsync(CancellationToken cancellationToken);

    /// <summary>After the drain: checks gifts and reactions against the server's totals.</summary>
    Task<RunChecks> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The end-of-run checks against the server; null where the run sent no such thing.</summary>
internal sealed record RunChecks(GiftCheck? Gifts, ReactionCheck? Reactions)
{
    public static readonly RunChecks None = new(null, null);
}

/// <summary>What every scenario of a run shares.</summary>
internal sealed record RunContext(LoadOptions Options, RunMetrics Metrics, Audience Audience, LoadActions Actions);
